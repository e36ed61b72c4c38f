package org.grassroots.lifeevents.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.ApplicationForm;
import org.grassroots.lifeevents.ApplicationView;
import org.grassroots.lifeevents.LifeEventApplications;
import org.grassroots.lifeevents.LifeEventCatalogue;
import org.grassroots.lifeevents.LifeEventCommands;
import org.grassroots.lifeevents.MyApplications;
import org.grassroots.lifeevents.Rating;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident's pages: the catalogue, the one form, their applications with progress, material and rating. */
@PageController
class LifeEventPageController {

	private final LifeEventCatalogue catalogue;

	private final LifeEventApplications applications;

	private final MyApplications mine;

	private final Messages messages;

	private final UnitNames unitNames;

	LifeEventPageController(LifeEventCatalogue catalogue, LifeEventApplications applications, MyApplications mine,
			Messages messages,
			UnitNames unitNames) {
		this.unitNames = unitNames;
		this.catalogue = catalogue;
		this.applications = applications;
		this.mine = mine;
		this.messages = messages;
	}

	@GetMapping("/lifeevents")
	String catalogue(Model model) {
		model.addAttribute("events", catalogue.list(false));
		return "lifeevents/catalogue";
	}

	@GetMapping("/lifeevents/{code}/apply")
	String form(@PathVariable String code, Model model, @AuthenticationPrincipal CurrentUser user) {
		return form(applications.form(code, user), Map.of(), model);
	}

	@PostMapping("/lifeevents/{code}/apply")
	String apply(@PathVariable String code, @RequestParam(required = false) Long communityId,
			@RequestParam(required = false) String communityCode,
			MultipartHttpServletRequest request, Model model, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		Map<String, String> values = new HashMap<>();
		request.getParameterMap().forEach((name, given) -> {
			if (name.startsWith("f.") && given.length > 0) {
				values.put(name.substring(2), given[0]);
			}
		});
		Map<String, Upload> uploads = new HashMap<>();
		request.getFileMap().forEach((name, part) -> {
			Upload upload = Uploads.of(part);
			if (name.startsWith("d.") && upload != null) {
				uploads.put(name.substring(2), upload);
			}
		});
		try {
			Long community = communityId;
			if (communityCode != null && !communityCode.isBlank()) {
				// someone outside a community names the one the application concerns by its code
				var named = unitNames.byCodes(List.of(communityCode.strip())).get(communityCode.strip());
				if (named == null) {
					throw DomainException.invalid("le.error.community");
				}
				community = named.id();
			}
			var filed = applications.apply(new LifeEventCommands.Apply(code, community, values), uploads, user);
			redirect.addFlashAttribute("notice", messages.text("le.filed", filed.reference()));
			return "redirect:/my/applications/" + filed.id();
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return form(applications.form(code, user), values, model);
		}
	}

	private String form(ApplicationForm form, Map<String, String> given, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("given", given);
		return "lifeevents/apply";
	}

	@GetMapping("/my/applications")
	String mine(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("applications", mine.mine(user));
		return "lifeevents/mine";
	}

	@GetMapping("/my/applications/{id}")
	String application(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		ApplicationView view = mine.mine(id, user);
		model.addAttribute("view", view);
		model.addAttribute("unitNames", DepartmentPageController.names(unitNames, view));
		model.addAttribute("ratings", Rating.values());
		return "lifeevents/my-application";
	}

	@GetMapping("/my/applications/{id}/documents/{documentId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> document(@PathVariable long id,
			@PathVariable long documentId, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(mine.document(id, documentId, user));
	}

	@PostMapping("/my/applications/{id}/tasks/{taskId}/answer")
	String answer(@PathVariable long id, @PathVariable long taskId, @RequestParam int version,
			@RequestParam(name = "answer", required = false) @Nullable List<String> answers,
			MultipartHttpServletRequest request, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Map<Integer, Upload> uploads = new HashMap<>();
		request.getFileMap().forEach((name, part) -> {
			Upload upload = Uploads.of(part);
			if (name.startsWith("file.") && upload != null) {
				uploads.put(Integer.parseInt(name.substring(5)), upload);
			}
		});
		return step(id, redirect, "le.answered", () -> mine.answer(id, taskId,
				new LifeEventCommands.Answer(version, answers == null ? new ArrayList<>() : answers), uploads, user));
	}

	@PostMapping("/my/applications/{id}/rating")
	String rate(@PathVariable long id, @RequestParam int version, @RequestParam Rating rating,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, "le.rated",
				() -> mine.rate(id, new LifeEventCommands.Rate(version, rating, comment), user));
	}

	private String step(long id, RedirectAttributes redirect, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", messages.text(notice));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/my/applications/" + id;
	}

}
