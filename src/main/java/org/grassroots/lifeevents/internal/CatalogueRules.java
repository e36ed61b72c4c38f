package org.grassroots.lifeevents.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.grassroots.lifeevents.EventDefinition;
import org.grassroots.lifeevents.FieldType;
import org.grassroots.lifeevents.FormField;
import org.grassroots.lifeevents.RequiredDocument;
import org.grassroots.lifeevents.RejectCategory;
import org.grassroots.lifeevents.TaskDefinition;
import org.grassroots.shared.DomainException;

/**
 * What a definition must satisfy before it is published: names, positive limits, unique codes,
 * dependencies on existing tasks without cycles. Each refusal names what is wrong.
 */
public final class CatalogueRules {

	/** Event codes: capitals, digits and underscores, at most 20. */
	public static final Pattern EVENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

	private CatalogueRules() {
	}

	public static void checkCode(String code) {
		if (!EVENT_CODE.matcher(code).matches()) {
			throw DomainException.invalid("le.error.event-code", code);
		}
		// returns are counted per event and per reason under one prefix (LE_RETURNED:<code>)
		if (code.equals(RejectCategory.CONSENT_REFUSED)
				|| Arrays.stream(RejectCategory.values()).anyMatch(reason -> reason.name().equals(code))) {
			throw DomainException.invalid("le.error.event-code-reserved", code);
		}
	}

	public static void check(EventDefinition definition) {
		if (blank(definition.nameZh()) || blank(definition.nameEn())) {
			throw DomainException.invalid("le.error.definition-name");
		}
		if (definition.timeLimitDays() <= 0) {
			throw DomainException.invalid("le.error.definition-limit", definition.timeLimitDays());
		}
		checkFields(definition.fields());
		checkDocuments(definition.documents());
		checkTasks(definition.tasks(), definition.consent());
	}

	private static void checkFields(List<FormField> fields) {
		Set<String> keys = new HashSet<>();
		for (FormField field : fields) {
			if (field.key() == null || !KEY.matcher(field.key()).matches() || !keys.add(field.key())) {
				throw DomainException.invalid("le.error.field-key", String.valueOf(field.key()));
			}
			if (field.type() == null || blank(field.labelZh()) || blank(field.labelEn())) {
				throw DomainException.invalid("le.error.field-incomplete", field.key());
			}
			if (field.type() == FieldType.CHOICE && field.options().isEmpty()) {
				throw DomainException.invalid("le.error.field-options", field.key());
			}
			if (field.pattern() != null) {
				try {
					Pattern.compile(field.pattern());
				}
				catch (PatternSyntaxException ex) {
					throw DomainException.invalid("le.error.field-pattern", field.key());
				}
			}
		}
	}

	private static void checkDocuments(List<RequiredDocument> documents) {
		Set<String> codes = new HashSet<>();
		for (RequiredDocument document : documents) {
			if (document.code() == null || !KEY.matcher(document.code()).matches() || !codes.add(document.code())
					|| blank(document.nameZh()) || blank(document.nameEn())) {
				throw DomainException.invalid("le.error.document", String.valueOf(document.code()));
			}
		}
	}

	private static void checkTasks(List<TaskDefinition> tasks, boolean consent) {
		if (tasks.isEmpty()) {
			throw DomainException.invalid("le.error.no-tasks");
		}
		Map<String, TaskDefinition> byCode = new HashMap<>();
		for (TaskDefinition task : tasks) {
			if (task.code() == null || !KEY.matcher(task.code()).matches() || byCode.put(task.code(), task) != null) {
				throw DomainException.invalid("le.error.task-code", String.valueOf(task.code()));
			}
			if (task.department() == null || blank(task.nameZh()) || blank(task.nameEn())) {
				throw DomainException.invalid("le.error.task-incomplete", task.code());
			}
			if (task.timeLimitDays() <= 0) {
				throw DomainException.invalid("le.error.task-limit", task.code(), task.timeLimitDays());
			}
			if (task.afterConsent() && !consent) {
				throw DomainException.invalid("le.error.task-consent", task.code());
			}
		}
		for (TaskDefinition task : tasks) {
			for (String waited : task.waitsFor()) {
				if (!byCode.containsKey(waited) || waited.equals(task.code())) {
					throw DomainException.invalid("le.error.task-waits", task.code(), waited);
				}
			}
		}
		Set<String> done = new HashSet<>();
		for (TaskDefinition task : tasks) {
			acyclic(task, byCode, new HashSet<>(), done);
		}
	}

	private static void acyclic(TaskDefinition task, Map<String, TaskDefinition> byCode, Set<String> path, Set<String> done) {
		if (done.contains(task.code())) {
			return;
		}
		if (!path.add(task.code())) {
			throw DomainException.invalid("le.error.task-cycle", task.code());
		}
		for (String waited : task.waitsFor()) {
			acyclic(byCode.get(waited), byCode, path, done);
		}
		path.remove(task.code());
		done.add(task.code());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
