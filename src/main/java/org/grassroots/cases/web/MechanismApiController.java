package org.grassroots.cases.web;

import org.grassroots.cases.Mechanism;
import org.grassroots.cases.MechanismCommands;
import org.grassroots.cases.Mechanisms;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.core.io.Resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/mechanisms")
@Tag(name = "Mechanisms", description = "Mechanisms established (建章立制): rules and working mechanisms a unit adopted "
		+ "because of the campaign, with the problems and typical cases that prompted them; the city office and steering "
		+ "groups read all, other staff those of their subtree and of the units above them")
class MechanismApiController {

	private final Mechanisms mechanisms;

	MechanismApiController(Mechanisms mechanisms) {
		this.mechanisms = mechanisms;
	}

	@GetMapping
	@Operation(summary = "Mechanisms the caller may read, 50 a page, the latest adopted first: in a unit's subtree "
			+ "(unit=code) or city-wide")
	Mechanisms.Page list(@RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		return mechanisms.list(unit, user, page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One mechanism with its prompts; 404 when the caller may not read it")
	Mechanism get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return mechanisms.get(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Adopt a mechanism for the caller's unit (unit or city office): a date not in the future, its text "
			+ "(or a document attached next), prompting problems by ledger number (in scope) and cases by id (readable)")
	Mechanism adopt(@RequestBody MechanismCommands.Adopt command, @AuthenticationPrincipal CurrentUser user) {
		return mechanisms.adopt(command, null, user);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a mechanism (its adopting unit's office), with the version the caller saw")
	Mechanism edit(@PathVariable long id, @RequestBody MechanismCommands.Edit command,
			@AuthenticationPrincipal CurrentUser user) {
		return mechanisms.edit(id, command, null, user);
	}

	@PostMapping(path = "/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach or replace the mechanism's document: a PDF or an image of 10 MB at most")
	Mechanism attach(@PathVariable long id, @RequestParam int version, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) {
		Upload upload = Uploads.of(file);
		if (upload == null) {
			throw DomainException.invalid("mechanisms.error.no-document");
		}
		return mechanisms.attach(id, version, upload, user);
	}

	@GetMapping("/{id}/document")
	@Operation(summary = "The mechanism's document")
	ResponseEntity<Resource> document(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Mechanisms.Document document = mechanisms.document(id, user);
		return Files.send(document.fileName(), document.contentType(), document.file().toFile().length(), document.file());
	}

}
