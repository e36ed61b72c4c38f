package org.grassroots.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.web.AuditFields.Field;
import org.grassroots.audit.web.AuditFields.Show;
import org.grassroots.audit.web.AuditFields.Snapshot;
import org.grassroots.shared.AccountNames;
import org.grassroots.shared.Times;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.UnitNames;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Audit records as people read them: a sentence in their language naming who did what to what,
 * the unit's name, the time in Asia/Shanghai, and the fields that changed with their values
 * formatted, never the stored JSON or codes. Names are looked up once per page, not per record.
 */
@Component
class AuditLines {

	/** Long text beyond this many characters is cut: the record keeps it whole. */
	static final int LONGEST_VALUE = 200;

	/** One field that changed; {@code before} is null for what a record creates. */
	record Change(String label, @Nullable String before, String after) {

	}

	/**
	 * One record on the page.
	 *
	 * @param created the record creates its subject (or only has an after state): its fields are values, not changes
	 * @param link the subject's page, where there is one
	 */
	record Line(long id, String time, String sentence, String unit, boolean created, List<Change> changes,
			@Nullable String link) {

	}

	private final MessageSource messages;

	private final UnitNames units;

	private final AccountNames accounts;

	private final JsonMapper json;

	private final Times times;

	AuditLines(MessageSource messages, UnitNames units, AccountNames accounts, JsonMapper json, Times times) {
		this.messages = messages;
		this.units = units;
		this.accounts = accounts;
		this.json = json;
		this.times = times;
	}

	/**
	 * The records as lines; a unit, or a problem by its record's unit, is linked only where the reader's
	 * scope covers that unit now (it may have moved away).
	 */
	List<Line> of(List<AuditEntry> entries, Locale locale, DataScope scope) {
		List<Parsed> parsed = entries.stream().map(this::parse).toList();
		Set<String> usernames = new HashSet<>();
		Set<String> codes = new HashSet<>();
		Set<Long> ids = new HashSet<>();
		for (Parsed record : parsed) {
			AuditEntry entry = record.entry();
			usernames.add(entry.actorName());
			if ("ACCOUNT".equals(entry.subjectType())) {
				usernames.add(entry.subjectId());
			}
			if ("UNIT".equals(entry.subjectType())) {
				codes.add(entry.subjectId());
			}
			if (entry.unitPath() != null) {
				codes.add(lastCode(entry.unitPath()));
			}
			codes.add(record.after().path("unitCode").asString(""));
			for (Field field : record.snapshot().shown().values()) {
				for (JsonNode state : List.of(record.before(), record.after())) {
					JsonNode value = state.path(field.name());
					if (field.show() == Show.UNIT_ID && value.isNumber()) {
						ids.add(value.asLong());
					}
					else if (field.show() == Show.UNIT_CODE && value.isString()) {
						codes.add(value.asString());
					}
					else if (field.show() == Show.ROLES) {
						value.forEach(grant -> grant.path("assignedUnitCodes").forEach(code -> codes.add(code.asString())));
					}
				}
			}
		}
		codes.remove("");
		Names names = new Names(accounts.displayNames(usernames), units.byCodes(codes), units.byIds(ids),
				locale.getLanguage(), locale, scope);
		return parsed.stream().map(record -> line(record, names)).toList();
	}

	private Line line(Parsed record, Names names) {
		AuditEntry entry = record.entry();
		String subject = subject(record, names);
		String sentence = text(names.locale(), "audit.sentence." + entry.kind(), actor(entry.actorName(), names), subject);
		if (sentence == null) {
			sentence = Objects.requireNonNull(text(names.locale(), "audit.sentence.other", actor(entry.actorName(), names), subject));
		}
		String unit = entry.unitPath() == null ? "—" : unitName(lastCode(entry.unitPath()), names);
		boolean created = record.before().isMissingNode() || record.before().isNull();
		List<Change> changes = new ArrayList<>();
		for (Field field : record.snapshot().shown().values()) {
			JsonNode before = record.before().path(field.name());
			JsonNode after = record.after().path(field.name());
			String label = Objects.requireNonNullElse(text(names.locale(), "audit.field." + field.name()), "");
			if (label.isEmpty()) {
				continue;
			}
			if (created) {
				if (worthShowing(after)) {
					changes.add(new Change(label, null, value(field, after, names)));
				}
			}
			else if (!same(before, after)) {
				changes.add(new Change(label, value(field, before, names), value(field, after, names)));
			}
		}
		return new Line(entry.id(), times.format(entry.occurredAt()), sentence, unit, created, changes, link(record, names));
	}

	private String subject(Parsed record, Names names) {
		AuditEntry entry = record.entry();
		JsonNode after = record.after();
		return switch (entry.subjectType()) {
			case "PROBLEM", "DASHBOARD_TOPIC", "PERSONAL_DATA", "FIELD_KEY" -> entry.subjectId();
			case "AUDIT_CHAIN" -> Objects.requireNonNullElse(text(names.locale(), "keys.algorithms." + entry.subjectId()),
					entry.subjectId());
			case "ACCOUNT" -> {
				String display = names.people().get(entry.subjectId());
				yield display == null || display.equals(entry.subjectId()) ? entry.subjectId()
						: display + " (" + entry.subjectId() + ")";
			}
			case "UNIT" -> names.units().containsKey(entry.subjectId()) ? unitName(entry.subjectId(), names)
					: after.path("nameZh").asString(entry.subjectId());
			case "MONTHLY_REPORT" -> unitName(after.path("unitCode").asString(""), names) + " " + after.path("month").asString("");
			default -> {
				String named = firstText(after, "title", "name", "topic");
				yield named != null ? named : typeLabel(entry.subjectType(), names);
			}
		};
	}

	private @Nullable String link(Parsed record, Names names) {
		AuditEntry entry = record.entry();
		if ("PROBLEM".equals(entry.subjectType()) && record.after().path("id").isNumber()) {
			// the record's unit where it is now: a problem whose unit moved out of the reader's scope would answer 404
			UnitNames.Named holder = entry.unitPath() == null ? null : names.units().get(lastCode(entry.unitPath()));
			return holder != null && names.scope().covers(holder.path()) ? "/problems/" + record.after().path("id").asLong()
					: null;
		}
		if ("ELEVATOR_CONSENT".equals(entry.subjectType())) {
			// the consent's community where it is now, as for a problem: out of the reader's scope it would answer 404
			UnitNames.Named community = entry.unitPath() == null ? null : names.units().get(lastCode(entry.unitPath()));
			return community != null && names.scope().covers(community.path()) ? "/lifeevents/consents/" + entry.subjectId()
					: null;
		}
		UnitNames.Named unit = "UNIT".equals(entry.subjectType()) ? names.units().get(entry.subjectId()) : null;
		if (unit != null && names.scope().covers(unit.path())) {
			return "/units/" + unit.id();
		}
		return null;
	}

	private String actor(String actorName, Names names) {
		if ("system".equals(actorName) || "resident".equals(actorName)) {
			return Objects.requireNonNull(text(names.locale(), "audit.actor." + actorName));
		}
		return names.people().getOrDefault(actorName, actorName);
	}

	private String typeLabel(String subjectType, Names names) {
		String label = text(names.locale(), "audit.subject." + subjectType);
		return label != null ? label : Objects.requireNonNull(text(names.locale(), "audit.subject.other"));
	}

	private String value(Field field, JsonNode value, Names names) {
		if (absent(value)) {
			return "—";
		}
		return switch (field.show()) {
			case TEXT -> shortened(plain(value));
			case DATE, NUMBER -> plain(value);
			case TIME -> time(plain(value));
			case YES_NO -> Objects.requireNonNull(text(names.locale(), value.asBoolean() ? "common.yes" : "common.no"));
			case UNIT_ID -> {
				UnitNames.Named unit = names.unitsById().get(value.asLong());
				yield unit == null ? Objects.requireNonNull(text(names.locale(), "audit.unit-unknown")) : unit.name(names.language());
			}
			case UNIT_CODE -> unitName(plain(value), names);
			case NAMED -> named(field.prefixes(), plain(value), names);
			case ROLES -> roles(value, names);
		};
	}

	private String roles(JsonNode grants, Names names) {
		List<String> shown = new ArrayList<>();
		for (JsonNode grant : grants) {
			StringBuilder text = new StringBuilder(named(List.of("role."), grant.path("role").asString(""), names));
			if (!grant.path("scope").asString("").isEmpty()) {
				text.append(" (").append(named(List.of("scope."), grant.path("scope").asString(), names));
				List<String> assigned = new ArrayList<>();
				grant.path("assignedUnitCodes").forEach(code -> assigned.add(unitName(code.asString(), names)));
				if (!assigned.isEmpty()) {
					text.append(": ").append(String.join(", ", assigned));
				}
				text.append(')');
			}
			shown.add(text.toString());
		}
		return String.join("; ", shown);
	}

	private String named(List<String> prefixes, String value, Names names) {
		for (String prefix : prefixes) {
			String text = text(names.locale(), prefix + value);
			if (text != null) {
				return text;
			}
		}
		return value;
	}

	private String time(String value) {
		try {
			return times.format(Instant.parse(value));
		}
		catch (DateTimeParseException notAnInstant) {
			return value;
		}
	}

	private String unitName(String code, Names names) {
		UnitNames.Named unit = names.units().get(code);
		return unit == null ? code : unit.name(names.language());
	}

	private @Nullable String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, null, locale);
	}

	private Parsed parse(AuditEntry entry) {
		Snapshot snapshot = AuditKinds.of(entry.kind()).map(kind -> AuditFields.of(kind.snapshot())).orElse(AuditFields.of(""));
		return new Parsed(entry, snapshot, tree(entry.before()), tree(entry.after()));
	}

	private JsonNode tree(@Nullable String state) {
		if (state == null) {
			return NullNode.getInstance();
		}
		try {
			return json.readTree(state);
		}
		catch (RuntimeException unreadable) {
			return NullNode.getInstance();
		}
	}

	private static boolean absent(JsonNode value) {
		return value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isBlank())
				|| (value.isContainer() && value.isEmpty());
	}

	/** What a new subject's record shows: set fields, not the ones still empty, off or zero. */
	private static boolean worthShowing(JsonNode value) {
		return !absent(value) && !(value.isBoolean() && !value.asBoolean()) && !(value.isNumber() && value.asDouble() == 0);
	}

	/** A value as text: a list's items joined, anything else as written. */
	private static String plain(JsonNode value) {
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach(item -> items.add(plain(item)));
			return String.join(", ", items);
		}
		return value.isObject() ? value.toString() : value.asString();
	}

	private static boolean same(JsonNode before, JsonNode after) {
		return (before.isMissingNode() || before.isNull()) ? (after.isMissingNode() || after.isNull()) : before.equals(after);
	}

	private static @Nullable String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			if (node.path(field).isString() && !node.path(field).asString().isBlank()) {
				return node.path(field).asString();
			}
		}
		return null;
	}

	private static String shortened(String text) {
		return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE) + "…";
	}

	static String lastCode(String path) {
		String[] codes = path.split("/");
		return codes.length == 0 ? "" : codes[codes.length - 1];
	}

	private record Parsed(AuditEntry entry, Snapshot snapshot, JsonNode before, JsonNode after) {

	}

	private record Names(Map<String, String> people, Map<String, UnitNames.Named> units,
			Map<Long, UnitNames.Named> unitsById, String language, Locale locale, DataScope scope) {

	}

}
