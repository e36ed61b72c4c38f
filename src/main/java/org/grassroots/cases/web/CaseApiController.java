package org.grassroots.cases.web;

import java.util.List;

import org.grassroots.cases.CaseApproval;
import org.grassroots.cases.CaseCommands;
import org.grassroots.cases.CaseFilter;
import org.grassroots.cases.CaseLibrary;
import org.grassroots.cases.CaseState;
import org.grassroots.cases.CaseWriting;
import org.grassroots.cases.TypicalCase;
import org.grassroots.shared.CurrentUser;
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
@RequestMapping("/api/v1/cases")
@Tag(name = "Typical cases", description = "The typical-case library (典型案例): written up by a unit office from a closed "
		+ "problem, approved by the writing unit's upper unit and published to its subtree or (by the city office) city-wide; "
		+ "every read is scoped, every command takes the version the caller saw and answers 409 when it is stale")
class CaseApiController {

	private final CaseLibrary library;

	private final CaseWriting writing;

	private final CaseApproval approval;

	CaseApiController(CaseLibrary library, CaseWriting writing, CaseApproval approval) {
		this.library = library;
		this.writing = writing;
		this.approval = approval;
	}

	@GetMapping
	@Operation(summary = "Search the cases the caller may read, 20 a page: by category, unit (its subtree), text in the "
			+ "title and state; waiting=true for the cases submitted below the caller's unit that wait for a decision")
	CaseLibrary.Page search(@RequestParam(required = false) String category, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String q, @RequestParam(required = false) CaseState state,
			@RequestParam(defaultValue = "false") boolean waiting, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		return library.search(new CaseFilter(category, unit, q, state, waiting), user, page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case with its photos and the actions the caller may take now; 404 when the caller may not read it")
	CaseLibrary.Detail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return library.detail(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a case as a draft of the caller's unit (unit or city office) from a CLOSED problem in scope; "
			+ "a problem not closed answers 400; sourceKind MEASURE answers 400 until work measures can be read")
	TypicalCase write(@RequestBody CaseCommands.Write command, @AuthenticationPrincipal CurrentUser user) {
		return writing.write(command, List.of(), user);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a draft or returned case (its writing unit's office)")
	TypicalCase edit(@PathVariable long id, @RequestBody CaseCommands.Edit command, @AuthenticationPrincipal CurrentUser user) {
		return writing.edit(id, command, user);
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a photo (an image of 10 MB at most, nine a case) to a draft or returned case")
	TypicalCase addPhoto(@PathVariable long id, @RequestParam int version, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) {
		return writing.addPhotos(id, version, Uploads.of(List.of(file)), user);
	}

	@GetMapping("/{id}/photos/{photoId}")
	@Operation(summary = "A photo of a case the caller may read")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal CurrentUser user) {
		CaseLibrary.PhotoFile photo = library.photo(id, photoId, user);
		return Files.send(photo.photo().fileName(), photo.photo().contentType(), photo.photo().sizeBytes(), photo.file());
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit a draft or returned case to the upper unit (the city office's own case is published at once)")
	TypicalCase submit(@PathVariable long id, @RequestBody CaseCommands.Step command, @AuthenticationPrincipal CurrentUser user) {
		return writing.submit(id, command, user);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw a submitted or published case (its writing unit's office)")
	TypicalCase withdraw(@PathVariable long id, @RequestBody CaseCommands.Step command,
			@AuthenticationPrincipal CurrentUser user) {
		return writing.withdraw(id, command, user);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve and publish a submitted case (an upper unit's administrator or leading cadre); reach CITY "
			+ "needs the city office, reach left out keeps the one the writer asked for")
	TypicalCase approve(@PathVariable long id, @RequestBody CaseCommands.Approve command,
			@AuthenticationPrincipal CurrentUser user) {
		return approval.approve(id, command, user);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return a submitted case to its writers with a reason (an upper unit); they may edit and resubmit it")
	TypicalCase returnCase(@PathVariable long id, @RequestBody CaseCommands.Return command,
			@AuthenticationPrincipal CurrentUser user) {
		return approval.returnCase(id, command, user);
	}

	@PostMapping("/{id}/reach")
	@Operation(summary = "Change the publication reach of a published case: SUBTREE or CITY (the city office)")
	TypicalCase reach(@PathVariable long id, @RequestBody CaseCommands.ChangeReach command,
			@AuthenticationPrincipal CurrentUser user) {
		return approval.changeReach(id, command, user);
	}

}
