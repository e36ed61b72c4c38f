package org.grassroots.privacy.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.grassroots.privacy.PersonalDataRequests;
import org.grassroots.privacy.PersonalDataRequests.Subject;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The system administrator's page for a person's request about their personal data (docs/privacy.md). */
@PageController
class PersonalDataPages {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(Times.ZONE);

	private final PersonalDataRequests requests;

	private final JsonMapper json;

	private final Messages messages;

	PersonalDataPages(PersonalDataRequests requests, JsonMapper json, Messages messages) {
		this.requests = requests;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/personal-data")
	String form(Model model) {
		if (!model.containsAttribute("subject")) {
			model.addAttribute("subject", new Subject(null, null, null));
		}
		return "privacy/requests";
	}

	/** The export as a JSON file to hand over; a refusal shows the form again with what was typed. */
	@PostMapping("/personal-data/export")
	Object export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute Subject subject, Model model,
			HttpServletResponse response) {
		try {
			PersonalDataRequests.Export export = requests.export(user, subject);
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("personal-data-" + FILE_TIME.format(export.madeAt()) + ".json")
					.build()
					.toString())
				.body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
		}
		catch (DomainException refused) {
			return refused(refused, subject, model, response);
		}
	}

	@PostMapping("/personal-data/erase")
	String erase(@AuthenticationPrincipal CurrentUser user, @ModelAttribute Subject subject,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if (!confirmed) {
				throw DomainException.invalid("privacy.error.confirm");
			}
			redirect.addFlashAttribute("erased", requests.erase(user, subject));
			return "redirect:/personal-data";
		}
		catch (DomainException refused) {
			return refused(refused, subject, model, response);
		}
	}

	private String refused(DomainException refused, Subject subject, Model model, HttpServletResponse response) {
		if (refused.status() == HttpStatus.FORBIDDEN) {
			throw refused;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("subject", subject);
		model.addAttribute("error", messages.text(refused));
		return "privacy/requests";
	}

}
