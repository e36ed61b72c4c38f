package org.grassroots.cases.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.grassroots.cases.CaseRules;
import org.grassroots.cases.Mechanism;
import org.grassroots.cases.MechanismCommands;
import org.grassroots.cases.Mechanisms;
import org.grassroots.shared.AccountNames;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mechanisms' pages: the list per unit or city-wide, one mechanism, and the adopt and edit form. */
@PageController
@RequestMapping("/mechanisms")
class MechanismPageController {

	private final Mechanisms mechanisms;

	private final Messages messages;

	private final UnitNames unitNames;

	private final AccountNames accountNames;

	MechanismPageController(Mechanisms mechanisms, Messages messages, UnitNames unitNames, AccountNames accountNames) {
		this.unitNames = unitNames;
		this.accountNames = accountNames;
		this.mechanisms = mechanisms;
		this.messages = messages;
	}

	/** What the form shows, as sent or as stored; prompts as typed, one a line or comma-separated. */
	record Form(@Nullable Long id, int version, String title, String appliesTo, @Nullable LocalDate adoptedOn, String body,
			String ledgerNos, String caseIds) {

	}

	@GetMapping
	String list(@RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		UnitChoice chosen = UnitChoice.of(unit, unitNames, messages);
		Mechanisms.Page found = chosen.error() != null ? new Mechanisms.Page(List.of(), 0, false)
				: mechanisms.list(chosen.code(), user, page);
		chosen.addTo(model);
		model.addAttribute("page", found);
		model.addAttribute("unitNames", mechanisms.unitsOf(found.items()));
		model.addAttribute("writer", CaseRules.writes(user));
		return "cases/mechanisms";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		Mechanism mechanism = mechanisms.get(id, user);
		model.addAttribute("m", mechanism);
		model.addAttribute("unitNames", mechanisms.unitsOf(List.of(mechanism)));
		model.addAttribute("mayEdit", mechanisms.mayEdit(mechanism, user));
		model.addAttribute("people", accountNames.displayNames(List.of(mechanism.adoptedBy())));
		return "cases/mechanism";
	}

	@GetMapping("/new")
	String adoptForm(@RequestParam(required = false) Long fromCase, Model model, @AuthenticationPrincipal CurrentUser user) {
		if (!CaseRules.writes(user)) {
			throw DomainException.forbidden("mechanisms.error.not-office");
		}
		return form(new Form(null, 0, "", "", LocalDate.now(Times.ZONE), "", "", fromCase == null ? "" : fromCase.toString()),
				model);
	}

	@PostMapping("/new")
	String adopt(@RequestParam String title, @RequestParam String appliesTo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) String body, @RequestParam(required = false) String ledgerNos,
			@RequestParam(required = false) String caseIds,
			@RequestParam(name = "document", required = false) MultipartFile document, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Form form = new Form(null, 0, title, appliesTo, adoptedOn, text(body), text(ledgerNos), text(caseIds));
		try {
			Upload upload = Uploads.of(document);
			Mechanism adopted = mechanisms.adopt(new MechanismCommands.Adopt(title, appliesTo, adoptedOn, body,
					words(ledgerNos), ids(caseIds)), upload, user);
			redirect.addFlashAttribute("notice", messages.text("mechanisms.adopted", adopted.title()));
			return "redirect:/mechanisms/" + adopted.id();
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return form(form, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		Mechanism m = mechanisms.get(id, user);
		if (!mechanisms.mayEdit(m, user)) {
			throw DomainException.forbidden("mechanisms.error.not-adopter");
		}
		String ledgerNos = String.join("\n", m.prompts().stream()
			.filter(prompt -> prompt.kind() == Mechanism.PromptKind.PROBLEM).map(Mechanism.Prompt::label).toList());
		String caseIds = String.join(", ", m.prompts().stream()
			.filter(prompt -> prompt.kind() == Mechanism.PromptKind.CASE).map(prompt -> String.valueOf(prompt.refId())).toList());
		return form(new Form(m.id(), m.version(), m.title(), m.appliesTo(), m.adoptedOn(), text(m.body()), ledgerNos, caseIds),
				model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @RequestParam int version, @RequestParam String title,
			@RequestParam String appliesTo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) String body, @RequestParam(required = false) String ledgerNos,
			@RequestParam(required = false) String caseIds,
			@RequestParam(name = "document", required = false) MultipartFile document, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			mechanisms.edit(id, new MechanismCommands.Edit(version, title, appliesTo, adoptedOn, body, words(ledgerNos),
					ids(caseIds)), Uploads.of(document), user);
			redirect.addFlashAttribute("notice", messages.text("mechanisms.saved"));
			return "redirect:/mechanisms/" + id;
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return form(new Form(id, version, title, appliesTo, adoptedOn, text(body), text(ledgerNos), text(caseIds)), model);
		}
	}

	@GetMapping("/{id}/document")
	ResponseEntity<Resource> document(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Mechanisms.Document document = mechanisms.document(id, user);
		return Files.send(document.fileName(), document.contentType(), document.file().toFile().length(), document.file());
	}

	private String form(Form form, Model model) {
		model.addAttribute("form", form);
		return "cases/mechanism-form";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** Ledger numbers as typed: one a line, or separated by commas or spaces. */
	static List<String> words(@Nullable String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[\\s,，、;；]+")).map(String::trim).filter(word -> !word.isEmpty()).toList();
	}

	/** Case numbers as typed; anything that is not a number is bad input naming it. */
	static List<Long> ids(@Nullable String text) {
		return words(text).stream().map(word -> {
			try {
				return Long.valueOf(word.replaceFirst("^#", ""));
			}
			catch (NumberFormatException ex) {
				throw DomainException.invalid("mechanisms.error.case", word);
			}
		}).toList();
	}

}
