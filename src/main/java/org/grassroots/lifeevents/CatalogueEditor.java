package org.grassroots.lifeevents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city administrator's catalogue editor: the events to edit, one event with its versions, and
 * an edit of the current definition published as a new version through {@link LifeEventCatalogue}
 * in one transaction (filed applications keep the version they were filed under). Adding or
 * removing tasks and fields, and changing dependencies, go through the catalogue's JSON API with a
 * whole definition.
 */
@Service
public class CatalogueEditor {

	/** The longest time limit the editor accepts, in working days (about a year and a half). */
	public static final int MAX_LIMIT = 365;

	private static final int NAME_ZH = 60;

	private static final int NAME_EN = 120;

	private static final int SUMMARY = 1000;

	private final LifeEventCatalogue catalogue;

	CatalogueEditor(LifeEventCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** Every event, offered or withdrawn, with its current definition (city administrator). */
	@Transactional(readOnly = true)
	public List<LifeEvent> events(CurrentUser user) {
		requireEditor(user);
		return catalogue.list(true);
	}

	/** An event with the given version (default the current one) and its history (city administrator); 404 if none. */
	@Transactional(readOnly = true)
	public CatalogueDetail detail(String code, @Nullable Integer version, CurrentUser user) {
		requireEditor(user);
		LifeEvent event = catalogue.get(code);
		CatalogueVersion shown = catalogue.version(code, version == null ? event.currentVersion() : version);
		return new CatalogueDetail(event, shown, catalogue.versions(code));
	}

	/**
	 * Publishes the edited current definition as the event's next version. Refused with 403 for
	 * anyone but the city administrator, 409 when the event changed since the version seen, 400
	 * naming the first thing wrong (a name missing or too long, a time limit that is not 1 to 365
	 * working days or a task's above the event's, a task, field or document that is not the
	 * event's, or no change at all); nothing is written then.
	 */
	@Transactional
	public LifeEvent edit(String code, CatalogueEdit edit, CurrentUser user) {
		requireEditor(user);
		LifeEvent event = catalogue.get(code);
		if (event.version() != edit.version()) {
			throw DomainException.staleVersion();
		}
		EventDefinition before = event.definition();
		EventDefinition after = apply(before, edit);
		if (after.equals(before)) {
			throw DomainException.invalid("le.catalogue.error.unchanged");
		}
		return catalogue.publish(code, new CatalogueCommands.Publish(edit.version(), after), user);
	}

	private static EventDefinition apply(EventDefinition before, CatalogueEdit edit) {
		String nameZh = name(edit.nameZh(), NAME_ZH, "le.catalogue.label.name-zh");
		String nameEn = name(edit.nameEn(), NAME_EN, "le.catalogue.label.name-en");
		String summaryZh = summary(edit.summaryZh(), "le.catalogue.label.summary-zh");
		String summaryEn = summary(edit.summaryEn(), "le.catalogue.label.summary-en");
		int limit = limit(edit.timeLimitDays(), nameZh);
		return new EventDefinition(nameZh, nameEn, summaryZh, summaryEn, limit, fields(before.fields(), edit.fields()),
				documents(before.documents(), edit.documents()), tasks(before.tasks(), edit.tasks(), limit),
				before.consent());
	}

	private static List<TaskDefinition> tasks(List<TaskDefinition> before, List<CatalogueEdit.TaskEdit> edits,
			int eventLimit) {
		Map<String, CatalogueEdit.TaskEdit> byCode = new HashMap<>();
		for (CatalogueEdit.TaskEdit edit : edits) {
			if (before.stream().noneMatch(task -> task.code().equals(edit.code())) || byCode.put(edit.code(), edit) != null) {
				throw DomainException.invalid("le.catalogue.error.unknown-task", edit.code());
			}
		}
		List<TaskDefinition> after = new ArrayList<>();
		for (TaskDefinition task : before) {
			CatalogueEdit.TaskEdit edit = byCode.get(task.code());
			if (edit == null) {
				after.add(task);
				continue;
			}
			String nameZh = itemName(edit.nameZh(), NAME_ZH, "le.catalogue.error.task-name", task.nameZh());
			String nameEn = itemName(edit.nameEn(), NAME_EN, "le.catalogue.error.task-name", task.nameZh());
			Integer limit = edit.timeLimitDays();
			if (limit == null || limit < 1 || limit > MAX_LIMIT) {
				throw DomainException.invalid("le.catalogue.error.task-limit", task.nameZh(), MAX_LIMIT);
			}
			if (limit > eventLimit) {
				throw DomainException.invalid("le.catalogue.error.task-above-event", task.nameZh(), limit, eventLimit);
			}
			after.add(new TaskDefinition(task.code(), nameZh, nameEn, task.department(), limit, task.waitsFor(),
					task.afterConsent()));
		}
		return after;
	}

	private static List<FormField> fields(List<FormField> before, List<CatalogueEdit.FieldEdit> edits) {
		Map<String, CatalogueEdit.FieldEdit> byKey = new HashMap<>();
		for (CatalogueEdit.FieldEdit edit : edits) {
			if (before.stream().noneMatch(field -> field.key().equals(edit.key())) || byKey.put(edit.key(), edit) != null) {
				throw DomainException.invalid("le.catalogue.error.unknown-field", edit.key());
			}
		}
		List<FormField> after = new ArrayList<>();
		for (FormField field : before) {
			CatalogueEdit.FieldEdit edit = byKey.get(field.key());
			if (edit == null) {
				after.add(field);
				continue;
			}
			String labelZh = itemName(edit.labelZh(), NAME_ZH, "le.catalogue.error.field-label", field.labelZh());
			String labelEn = itemName(edit.labelEn(), NAME_EN, "le.catalogue.error.field-label", field.labelZh());
			after.add(new FormField(field.key(), labelZh, labelEn, field.type(), edit.required(), field.profileKey(),
					field.options(), field.pattern()));
		}
		return after;
	}

	private static List<RequiredDocument> documents(List<RequiredDocument> before, List<CatalogueEdit.DocumentEdit> edits) {
		Map<String, CatalogueEdit.DocumentEdit> byCode = new HashMap<>();
		List<CatalogueEdit.DocumentEdit> added = new ArrayList<>();
		for (CatalogueEdit.DocumentEdit edit : edits) {
			if (edit.code() == null || edit.code().isBlank()) {
				if (!blank(edit.nameZh()) || !blank(edit.nameEn())) {
					added.add(edit);
				}
			}
			else if (before.stream().noneMatch(document -> document.code().equals(edit.code()))
					|| byCode.put(edit.code(), edit) != null) {
				throw DomainException.invalid("le.catalogue.error.unknown-document", edit.code());
			}
		}
		List<RequiredDocument> after = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (RequiredDocument document : before) {
			codes.add(document.code());
			CatalogueEdit.DocumentEdit edit = byCode.get(document.code());
			if (edit == null) {
				after.add(document);
			}
			else if (!edit.remove()) {
				after.add(new RequiredDocument(document.code(),
						itemName(edit.nameZh(), NAME_ZH, "le.catalogue.error.document-name", document.nameZh()),
						itemName(edit.nameEn(), NAME_EN, "le.catalogue.error.document-name", document.nameZh())));
			}
		}
		for (CatalogueEdit.DocumentEdit edit : added) {
			String nameZh = itemName(edit.nameZh(), NAME_ZH, "le.catalogue.error.new-document", "");
			String nameEn = itemName(edit.nameEn(), NAME_EN, "le.catalogue.error.new-document", "");
			// a new document gets a code of its own: one given under an old code is reused, a new one never is
			String code = newCode(codes);
			codes.add(code);
			after.add(new RequiredDocument(code, nameZh, nameEn));
		}
		return after;
	}

	private static String newCode(Set<String> taken) {
		int n = taken.size() + 1;
		while (taken.contains("doc" + n)) {
			n++;
		}
		return "doc" + n;
	}

	private static String name(@Nullable String text, int max, String label) {
		if (blank(text) || text.strip().length() > max) {
			throw DomainException.invalid("le.catalogue.error.name", label(label), max);
		}
		return text.strip();
	}

	private static String summary(@Nullable String text, String label) {
		String summary = text == null ? "" : text.strip();
		if (summary.length() > SUMMARY) {
			throw DomainException.invalid("le.catalogue.error.summary", label(label), SUMMARY);
		}
		return summary;
	}

	private static int limit(@Nullable Integer days, String eventName) {
		if (days == null || days < 1 || days > MAX_LIMIT) {
			throw DomainException.invalid("le.catalogue.error.limit", eventName, MAX_LIMIT);
		}
		return days;
	}

	private static String itemName(@Nullable String text, int max, String key, String item) {
		if (blank(text) || text.strip().length() > max) {
			throw DomainException.invalid(key, item, max);
		}
		return text.strip();
	}

	/** A label's message, resolved in the reader's language when the refusal is shown. */
	private static Object label(String key) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(key);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("le.error.catalogue-admin");
		}
	}

}
