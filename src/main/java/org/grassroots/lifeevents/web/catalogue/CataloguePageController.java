package org.grassroots.lifeevents.web.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.lifeevents.CatalogueCommands;
import org.grassroots.lifeevents.CatalogueDetail;
import org.grassroots.lifeevents.CatalogueEdit;
import org.grassroots.lifeevents.CatalogueEditor;
import org.grassroots.lifeevents.EventDefinition;
import org.grassroots.lifeevents.LifeEvent;
import org.grassroots.lifeevents.LifeEventCatalogue;
import org.grassroots.lifeevents.TaskDefinition;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The city administrator's catalogue editor: the life events with their current version, and one
 * event's definition as people read it, its version history and the form that publishes an edited
 * definition as the next version. A refused edit shows the page again with what was typed, the
 * reason, and the status of the refusal (400, 409).
 */
@PageController
@RequestMapping("/lifeevents/catalogue")
class CataloguePageController {

	private final CatalogueEditor editor;

	private final LifeEventCatalogue catalogue;

	private final Messages messages;

	CataloguePageController(CatalogueEditor editor, LifeEventCatalogue catalogue, Messages messages) {
		this.editor = editor;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("events", editor.events(user));
		return "lifeevents/catalogue/list";
	}

	/** The event at the given version (default the current one); the editor edits the current one only. */
	@GetMapping("/{code}")
	String event(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		CatalogueDetail detail = editor.detail(code, version, user);
		return page(detail, formOf(detail.event()), model);
	}

	/** Publishes the edit as the next version, or shows the form again with the refusal. */
	@PostMapping("/{code}")
	String edit(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CatalogueEdit edit = EditorForm.read(form);
		try {
			LifeEvent published = editor.edit(code, edit, user);
			redirect.addFlashAttribute("notice", messages.text("le.catalogue.published",
					published.definition().name(lang()), published.currentVersion()));
			return "redirect:/lifeevents/catalogue/" + code;
		}
		catch (DomainException ex) {
			if (ex.status().value() == HttpServletResponse.SC_FORBIDDEN) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", messages.text(ex));
			return page(editor.detail(code, null, user), edit, model);
		}
	}

	/** Offers the event to residents or withdraws it, with the row version seen. */
	@PostMapping("/{code}/active")
	String active(@PathVariable String code, @RequestParam int version, @RequestParam boolean active,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			LifeEvent changed = catalogue.setActive(code, new CatalogueCommands.SetActive(version, active), user);
			redirect.addFlashAttribute("notice", messages.text(active ? "le.catalogue.activated" : "le.catalogue.deactivated",
					changed.definition().name(lang())));
		}
		catch (DomainException ex) {
			if (ex.status().value() == HttpServletResponse.SC_FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/lifeevents/catalogue/" + code;
	}

	private String page(CatalogueDetail detail, CatalogueEdit edit, Model model) {
		EventDefinition shown = detail.shown().definition();
		model.addAttribute("detail", detail);
		model.addAttribute("event", detail.event());
		model.addAttribute("definition", shown);
		model.addAttribute("taskNames", shown.tasks().stream()
			.collect(Collectors.toMap(TaskDefinition::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("edit", edit);
		model.addAttribute("taskEdits", edit.tasks().stream()
			.collect(Collectors.toMap(CatalogueEdit.TaskEdit::code, Function.identity(), (a, b) -> a)));
		model.addAttribute("fieldEdits", edit.fields().stream()
			.collect(Collectors.toMap(CatalogueEdit.FieldEdit::key, Function.identity(), (a, b) -> a)));
		List<CatalogueEdit.DocumentEdit> kept = new ArrayList<>();
		CatalogueEdit.DocumentEdit added = new CatalogueEdit.DocumentEdit(null, "", "", false);
		for (CatalogueEdit.DocumentEdit document : edit.documents()) {
			if (document.code() == null) {
				added = document;
			}
			else {
				kept.add(document);
			}
		}
		model.addAttribute("documentEdits", kept.stream()
			.collect(Collectors.toMap(CatalogueEdit.DocumentEdit::code, Function.identity(), (a, b) -> a)));
		model.addAttribute("newDocument", added);
		model.addAttribute("current", detail.event().definition());
		model.addAttribute("maxLimit", CatalogueEditor.MAX_LIMIT);
		return "lifeevents/catalogue/event";
	}

	/** The form filled with the event's current definition. */
	private static CatalogueEdit formOf(LifeEvent event) {
		EventDefinition definition = event.definition();
		return new CatalogueEdit(event.version(), definition.nameZh(), definition.nameEn(), definition.summaryZh(),
				definition.summaryEn(), definition.timeLimitDays(),
				definition.tasks().stream()
					.map(task -> new CatalogueEdit.TaskEdit(task.code(), task.nameZh(), task.nameEn(), task.timeLimitDays()))
					.toList(),
				definition.fields().stream()
					.map(field -> new CatalogueEdit.FieldEdit(field.key(), field.labelZh(), field.labelEn(), field.required()))
					.toList(),
				definition.documents().stream()
					.map(document -> new CatalogueEdit.DocumentEdit(document.code(), document.nameZh(), document.nameEn(), false))
					.toList());
	}

	private static String lang() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

}
