package org.grassroots.audit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The fields of each snapshot an audit record keeps, as the page shows them: a label
 * ({@code audit.field.<name>}) and how to show the value. Fields listed as hidden are never shown
 * (ids, paths, version counters, who and when, which the record says itself); a field that is in
 * neither list is not shown either, and {@code AuditKindsTests} fails until it is placed.
 */
final class AuditFields {

	/** How a value is shown. */
	enum Show {

		/** As written; long text shortened. */
		TEXT,
		/** An instant, in Asia/Shanghai. */
		TIME,
		/** A day or month, as written (ISO). */
		DATE,
		/** Yes or no. */
		YES_NO,
		NUMBER,
		/** A unit's id: its name. */
		UNIT_ID,
		/** A unit's code: its name. */
		UNIT_CODE,
		/** A code with a message of its own, {@code <prefix><value>}. */
		NAMED,
		/** An account's role grants: each role with its data scope and assigned units. */
		ROLES

	}

	/** @param prefixes message key prefixes of a {@link Show#NAMED} value, tried in order */
	record Field(String name, Show show, List<String> prefixes) {

		static Field of(String name, Show show) {
			return new Field(name, show, List.of());
		}

		static Field named(String name, String... prefixes) {
			return new Field(name, Show.NAMED, List.of(prefixes));
		}

	}

	/** A snapshot's shown fields in order, and its hidden ones. */
	record Snapshot(Map<String, Field> shown, Set<String> hidden) {

		static Snapshot of(List<Field> shown, String... hidden) {
			Map<String, Field> byName = new LinkedHashMap<>();
			shown.forEach(field -> byName.put(field.name(), field));
			return new Snapshot(java.util.Collections.unmodifiableMap(byName), Set.of(hidden));
		}

		@Nullable Field field(String name) {
			return shown.get(name);
		}

	}

	private static final Field TITLE = Field.of("title", Show.TEXT);

	private static final Field NAME = Field.of("name", Show.TEXT);

	private static final Field MATERIALS = Field.of("materials", Show.TEXT);

	private static final Field UNIT = Field.of("unitId", Show.UNIT_ID);

	private static final String[] CREATED = { "id", "unitPath", "createdBy", "createdAt", "version" };

	static final Map<String, Snapshot> SNAPSHOTS = Map.ofEntries(
			Map.entry("problem", Snapshot.of(List.of(TITLE, Field.of("description", Show.TEXT),
					Field.named("state", "state."), Field.named("source", "source."),
					Field.named("categoryCode", "category."), Field.named("urgency", "urgency."),
					Field.named("type", "problem-type."), Field.of("districtCode", Show.UNIT_CODE),
					Field.of("raisingUnitId", Show.UNIT_ID), Field.of("handlingUnitId", Show.UNIT_ID),
					Field.of("locationUnitId", Show.UNIT_ID), Field.of("responsibleUnitId", Show.UNIT_ID),
					Field.of("responsiblePerson", Show.TEXT), Field.of("assignedByUnitId", Show.UNIT_ID),
					Field.of("standard", Show.TEXT), Field.of("measures", Show.TEXT), Field.of("declineReason", Show.TEXT),
					Field.of("address", Show.TEXT), Field.of("latitude", Show.NUMBER), Field.of("longitude", Show.NUMBER),
					Field.of("reporterPhoneMasked", Show.TEXT), Field.of("residentReport", Show.YES_NO),
					Field.of("responseDue", Show.TIME), Field.of("firstActionAt", Show.TIME), Field.of("deadline", Show.TIME),
					Field.of("raisingSideUnitId", Show.UNIT_ID), Field.of("responsibleSideUnitId", Show.UNIT_ID),
					Field.of("raisingRecognizedBy", Show.TEXT), Field.of("raisingRecognizedAt", Show.TIME),
					Field.of("responsibleRecognizedBy", Show.TEXT), Field.of("responsibleRecognizedAt", Show.TIME),
					Field.of("overdue", Show.YES_NO), Field.of("supervised", Show.YES_NO), Field.of("priority", Show.NUMBER),
					Field.of("returnCount", Show.NUMBER), Field.of("reportCount", Show.NUMBER),
					Field.named("evaluation", "rating."), Field.of("evaluationComment", Show.TEXT),
					Field.of("evaluatedAt", Show.TIME), Field.named("reviewState", "audit.review."),
					Field.of("closedAt", Show.TIME), Field.of("titlePublic", Show.YES_NO)),
					// the ledger number is the record's subject; parent and duplicate are problem ids
					"id", "ledgerNo", "parentId", "duplicateOf", "raisingUnitPath", "handlingUnitPath",
					"responsibleUnitPath", "raisingSidePath", "responsibleSidePath", "createdAt", "updatedAt", "version")),
			Map.entry("unit", Snapshot.of(List.of(Field.of("nameZh", Show.TEXT), Field.of("nameEn", Show.TEXT),
					Field.named("level", "level."), Field.named("batch", "batch."), Field.named("kind", "kind."),
					Field.of("parentId", Show.UNIT_ID)), "id", "code", "path", "depth", "demo", "version", "childCount")),
			// the shape itself is not kept in the record, only its hash
			Map.entry("unit-boundary", Snapshot.of(List.of(Field.of("vertices", Show.NUMBER), Field.of("areaKm2", Show.NUMBER),
					Field.of("west", Show.NUMBER), Field.of("south", Show.NUMBER), Field.of("east", Show.NUMBER),
					Field.of("north", Show.NUMBER), Field.of("sha256", Show.TEXT)), "unitId", "demo", "version", "updatedBy",
					"updatedAt")),
			Map.entry("account", Snapshot.of(List.of(Field.of("displayName", Show.TEXT), Field.of("username", Show.TEXT), UNIT,
					Field.of("roles", Show.ROLES), Field.of("maskedPhone", Show.TEXT), Field.of("enabled", Show.YES_NO),
					Field.of("lockedUntil", Show.TIME), Field.of("mustChangePassword", Show.YES_NO),
					Field.of("secondFactor", Show.YES_NO)), "id", "unitPath",
					"demo", "version")),
			Map.entry("sign-in", Snapshot.of(List.of(Field.named("channel", "audit.channel.")))),
			Map.entry("audit-archive", Snapshot.of(List.of(Field.of("fromSeal", Show.NUMBER), Field.of("toSeal", Show.NUMBER),
					Field.of("recordCount", Show.NUMBER), Field.of("newestAt", Show.TIME), Field.of("fileName", Show.TEXT),
					Field.of("fileSha256", Show.TEXT), Field.of("headHash", Show.TEXT)), "id", "toId", "prevHash",
					"archivedAt", "archivedBy")),
			Map.entry("life-event", Snapshot.of(List.of(Field.of("reason", Show.TEXT)), "taskId")),
			Map.entry("audit-chain", Snapshot.of(List.of(Field.named("from", "keys.algorithms."),
					Field.named("to", "keys.algorithms."), Field.of("lastSeal", Show.NUMBER), Field.of("headHash", Show.TEXT)))),
			Map.entry("field-keys", Snapshot.of(List.of(Field.named("algorithms", "keys.algorithms."),
					Field.of("keyId", Show.TEXT), Field.of("rewritten", Show.NUMBER), Field.of("left", Show.NUMBER)))),
			Map.entry("personal-data", Snapshot.of(List.of(Field.of("asked", Show.TEXT), Field.of("reason", Show.TEXT),
					Field.of("records", Show.NUMBER), Field.of("kept", Show.NUMBER)), "kind", "unitPath")),
			Map.entry("message-channels", Snapshot.of(List.of(Field.of("sms", Show.YES_NO), Field.of("byEmail", Show.YES_NO),
					Field.named("language", "account.messages.language."), Field.of("email", Show.TEXT)))),
			Map.entry("messages-stopped", Snapshot.of(List.of(Field.of("recipient", Show.TEXT), Field.named("channel", "outbox.channel."),
					Field.named("how", "outbox.how."), Field.of("dropped", Show.NUMBER)), "unitPath")),
			Map.entry("message-retried", Snapshot.of(List.of(Field.named("kind", "outbox.kind."),
					Field.named("channel", "outbox.channel."), Field.of("recipient", Show.TEXT), Field.of("lastError", Show.TEXT)),
					"messageId", "unitPath")),
			Map.entry("token", Snapshot.of(List.of(NAME, Field.of("lastUsedAt", Show.TIME), Field.of("revokedAt", Show.TIME)),
					"id", "createdAt")),
			Map.entry("open311-key", Snapshot.of(List.of(NAME, Field.of("prefix", Show.TEXT),
					Field.of("lastUsedAt", Show.TIME), Field.of("revokedAt", Show.TIME)), "id", "createdBy", "createdAt")),
			Map.entry("plan", Snapshot.of(List.of(TITLE, MATERIALS, Field.of("links", Show.TEXT), UNIT,
					Field.of("periodStart", Show.DATE), Field.of("periodEnd", Show.DATE), Field.of("requiredCount", Show.NUMBER)),
					CREATED)),
			Map.entry("point", Snapshot.of(List.of(NAME, Field.named("kind", "learning.kind."), UNIT,
					Field.of("address", Show.TEXT), Field.of("openingHours", Show.TEXT), MATERIALS,
					Field.of("restricted", Show.YES_NO)), CREATED)),
			Map.entry("session", Snapshot.of(List.of(Field.named("kind", "learning.kind."), Field.of("topic", Show.TEXT),
					Field.of("speaker", Show.TEXT), Field.of("place", Show.TEXT), Field.of("hostUnitId", Show.UNIT_ID),
					Field.of("startsAt", Show.TIME)), "id", "planId", "hostUnitPath", "createdBy", "createdAt", "version")),
			Map.entry("check-in", Snapshot.of(List.of(Field.of("day", Show.DATE), Field.named("method", "audit.method.")),
					"accountId", "unitPath", "pointId", "sessionId")),
			Map.entry("case", Snapshot.of(List.of(TITLE, Field.named("categoryCode", "category."),
					Field.named("sourceKind", "cases.source."), Field.of("sourceRef", Show.TEXT),
					Field.of("background", Show.TEXT), Field.of("actions", Show.TEXT), Field.of("result", Show.TEXT),
					Field.of("lessons", Show.TEXT), Field.named("reach", "cases.reach."), Field.named("state", "cases.state."),
					UNIT, Field.of("submittedAt", Show.TIME), Field.of("decidedBy", Show.TEXT), Field.of("decidedAt", Show.TIME),
					Field.of("returnReason", Show.TEXT), Field.of("publishedAt", Show.TIME)), "id", "sourceId", "unitPath",
					"writtenBy", "createdAt", "updatedAt", "version")),
			// prompts are named in the mechanism's page; the record keeps them in its JSON
			Map.entry("mechanism", Snapshot.of(List.of(TITLE, Field.of("appliesTo", Show.TEXT),
					Field.of("adoptedOn", Show.DATE), Field.of("body", Show.TEXT), UNIT, Field.of("fileName", Show.TEXT)), "id",
					"unitPath", "fileType", "fileSize", "adoptedBy", "createdAt", "updatedAt", "version", "prompts")),
			Map.entry("weights", Snapshot.of(List.of(Field.of("response", Show.NUMBER), Field.of("resolution", Show.NUMBER),
					Field.of("satisfaction", Show.NUMBER)), "version", "updatedBy", "updatedAt")),
			Map.entry("calendar-day", Snapshot.of(List.of(Field.of("day", Show.DATE), Field.named("kind", "le.calendar.kind."),
					Field.of("nameZh", Show.TEXT), Field.of("nameEn", Show.TEXT)), "version", "changedBy", "changedAt")),
			Map.entry("topic", Snapshot.of(List.of(Field.of("month", Show.DATE), Field.named("categoryCode", "category."),
					Field.of("note", Show.TEXT)), "categoryZh", "categoryEn", "version", "chosenBy", "chosenAt")),
			Map.entry("report", Snapshot.of(List.of(Field.of("unitCode", Show.UNIT_CODE), Field.of("month", Show.DATE),
					Field.of("edition", Show.NUMBER)), "reportId", "unitPath")),
			Map.entry("research-plan", Snapshot.of(List.of(TITLE, Field.of("topics", Show.TEXT),
					Field.of("ownerUnitId", Show.UNIT_ID), Field.of("periodStart", Show.DATE), Field.of("periodEnd", Show.DATE)),
					"id", "categoryCodes", "ownerUnitPath", "coveredUnitIds", "createdBy", "createdAt", "updatedAt", "version")),
			Map.entry("work-measure", Snapshot.of(List.of(TITLE, Field.named("categoryCode", "category."),
					Field.of("ownerUnitId", Show.UNIT_ID), Field.of("ownerPerson", Show.TEXT), Field.of("startDate", Show.DATE),
					Field.of("deadline", Show.DATE), Field.of("targetAmount", Show.NUMBER), Field.of("targetUnit", Show.TEXT),
					Field.of("progress", Show.NUMBER), Field.of("advanceOnClose", Show.YES_NO),
					Field.named("status", "plans.status."), Field.of("doneOn", Show.DATE)), "id", "planId", "ownerUnitPath",
					"districtPath", "doneAt", "createdAt", "updatedAt", "version", "percent", "timeliness")),
			Map.entry("visit", Snapshot.of(List.of(Field.named("kind", "visits.kind."), Field.of("visitDate", Show.DATE),
					Field.of("place", Show.TEXT), UNIT, Field.of("cadreName", Show.TEXT), Field.of("cadreUnitId", Show.UNIT_ID),
					Field.of("peopleMet", Show.TEXT), Field.of("discussed", Show.TEXT), Field.of("problemsCollected", Show.NUMBER),
					Field.of("solvedOnSpot", Show.NUMBER), Field.of("solvedLater", Show.NUMBER)), "id", "unitPath",
					"cadreAccountId", "cadreUnitPath", "createdAt", "updatedAt", "version")),
			Map.entry("reception-day", Snapshot.of(List.of(Field.of("cadreName", Show.TEXT), Field.of("cadreTitle", Show.TEXT),
					UNIT, Field.of("address", Show.TEXT), Field.of("receptionDate", Show.DATE), Field.of("startsAt", Show.TEXT),
					Field.of("endsAt", Show.TEXT), Field.of("topics", Show.TEXT), Field.of("cancelled", Show.YES_NO),
					Field.of("cancelReason", Show.TEXT)), "id", "cadreAccountId", "unitPath", "version")),
			// owners' consents: phones and contacts (masked) and who recorded a vote stay out of the page
			Map.entry("elevator-consent", Snapshot.of(List.of(Field.of("referenceNumber", Show.TEXT),
					Field.of("buildingAddress", Show.TEXT), Field.of("communityUnitId", Show.UNIT_ID),
					Field.named("state", "le.consent.state."), Field.of("noticeDays", Show.NUMBER),
					Field.of("noticeStartsOn", Show.DATE), Field.of("noticeEndsOn", Show.DATE),
					Field.of("decisionNote", Show.TEXT)), "id", "applicationId", "unitPath", "closedTally", "decidedBy",
					"createdAt", "voteOpenedAt", "closedAt", "decidedAt", "version")),
			Map.entry("consent-owner", Snapshot.of(List.of(NAME, Field.of("flat", Show.TEXT), Field.of("floorArea", Show.NUMBER),
					Field.of("affected", Show.YES_NO), Field.named("vote", "le.consent.vote."),
					Field.named("castBy", "le.consent.cast-kind."), Field.of("voteNote", Show.TEXT)), "id", "consentId",
					"phoneMasked", "recordedBy", "votedAt", "linkIssued", "version")),
			Map.entry("consent-objection", Snapshot.of(List.of(Field.of("objector", Show.TEXT), Field.of("objection", Show.TEXT)),
					"id", "consentId", "contactMasked", "receivedAt", "recordedBy")),
			Map.entry("rebuild", Snapshot.of(List.of(Field.of("problems", Show.NUMBER), Field.of("counters", Show.NUMBER),
					Field.of("millis", Show.NUMBER)), "unitPath")));

	private AuditFields() {
	}

	static Snapshot of(String snapshot) {
		return SNAPSHOTS.getOrDefault(snapshot, Snapshot.of(List.of()));
	}

}
