package org.grassroots.audit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of record the modules write, with the group the audit page lists it under and the
 * snapshot its before and after hold ({@link AuditFields}). Each kind has a name
 * ({@code audit.kind.*}) and a sentence ({@code audit.sentence.*}) in both languages;
 * {@code AuditKindsTests} finds the kinds in the code and fails on one missing here.
 */
final class AuditKinds {

	/** @param listed offered in the page's filter: false for a kind no module writes any more */
	record Kind(String code, String group, String snapshot, boolean listed) {

	}

	static final List<String> GROUPS = List.of("units", "accounts", "problems", "learning", "plans", "visits", "cases",
			"dashboard",
			"open311", "lifeevents", "privacy", "outbox", "audit");

	/** What ProblemChanged writes for each ProblemAction, PROBLEM_ and the action's name. */
	static final List<String> PROBLEM_ACTIONS = List.of("REPORT", "ACCEPT", "DECLINE", "ASSIGN", "DELEGATE", "SPLIT",
			"ESCALATE", "START", "NOTE", "COMPLETE_MILESTONE", "SUBMIT", "RECOGNIZE", "RETURN", "CLOSE", "SUPERVISE",
			"SUMMON", "REPORT_IN", "ACT_ON_SUMMONS", "ATTACH", "EVALUATE", "REVIEW", "REOPEN", "FLAG_OVERDUE", "PUBLISH",
			"COMMENT");

	static final Map<String, Kind> ALL;

	static {
		List<Kind> kinds = new ArrayList<>();
		for (String unit : List.of("UNIT_CREATED", "UNIT_RENAMED", "UNIT_MOVED")) {
			kinds.add(new Kind(unit, "units", "unit", true));
		}
		kinds.add(new Kind("UNIT_BOUNDARY_SET", "units", "unit-boundary", true));
		kinds.add(new Kind("UNIT_BOUNDARY_REMOVED", "units", "unit-boundary", true));
		for (String account : List.of("ACCOUNT_CREATED", "ACCOUNT_MOVED", "ACCOUNT_ENABLED", "ACCOUNT_DISABLED",
				"ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED", "PASSWORD_RESET", "PASSWORD_CHANGED",
				"SECOND_FACTOR_ON", "SECOND_FACTOR_OFF", "SECOND_FACTOR_RESET", "ROLES_CHANGED")) {
			kinds.add(new Kind(account, "accounts", "account", true));
		}
		kinds.add(new Kind("SIGN_IN_SUCCEEDED", "accounts", "sign-in", true));
		kinds.add(new Kind("AUDIT_ARCHIVED", "audit", "audit-archive", true));
		kinds.add(new Kind("AUDIT_DIGEST_CHANGED", "audit", "audit-chain", true));
		kinds.add(new Kind("FIELDS_REENCRYPTED", "privacy", "field-keys", true));
		kinds.add(new Kind("PERSONAL_DATA_EXPORTED", "privacy", "personal-data", true));
		kinds.add(new Kind("PERSONAL_DATA_ERASED", "privacy", "personal-data", true));
		kinds.add(new Kind("SIGN_IN_FAILED", "accounts", "sign-in", true));
		kinds.add(new Kind("MESSAGE_CHANNELS_CHANGED", "accounts", "message-channels", true));
		kinds.add(new Kind("MESSAGES_STOPPED", "outbox", "messages-stopped", true));
		kinds.add(new Kind("MESSAGE_RETRIED", "outbox", "message-retried", true));
		kinds.add(new Kind("TOKEN_ISSUED", "accounts", "token", true));
		kinds.add(new Kind("TOKEN_REVOKED", "accounts", "token", true));
		kinds.add(new Kind("PROBLEM_REPORTED", "problems", "problem", true));
		for (String action : PROBLEM_ACTIONS) {
			// a new problem is PROBLEM_REPORTED (ProblemReported); REPORT only names the timeline's first entry
			kinds.add(new Kind("PROBLEM_" + action, "problems", "problem", !"REPORT".equals(action)));
		}
		kinds.add(new Kind("STUDY_PLAN_CREATED", "learning", "plan", true));
		kinds.add(new Kind("LEARNING_POINT_CREATED", "learning", "point", true));
		kinds.add(new Kind("STUDY_SESSION_CREATED", "learning", "session", true));
		kinds.add(new Kind("CHECKED_IN", "learning", "check-in", true));
		for (String action : List.of("WRITE", "EDIT", "ADD_PHOTO", "SUBMIT", "APPROVE", "RETURN", "WITHDRAW", "CHANGE_REACH")) {
			kinds.add(new Kind("CASE_" + action, "cases", "case", true));
		}
		for (String action : List.of("ADOPT", "EDIT", "ATTACH")) {
			kinds.add(new Kind("MECHANISM_" + action, "cases", "mechanism", true));
		}
		kinds.add(new Kind("DASHBOARD_WEIGHTS_CHANGED", "dashboard", "weights", true));
		kinds.add(new Kind("DASHBOARD_TOPIC_CHOSEN", "dashboard", "topic", true));
		kinds.add(new Kind("DASHBOARD_REPORT_MADE", "dashboard", "report", true));
		kinds.add(new Kind("DASHBOARD_REBUILT", "dashboard", "rebuild", true));
		kinds.add(new Kind("OPEN311_KEY_ISSUED", "open311", "open311-key", true));
		kinds.add(new Kind("OPEN311_KEY_REVOKED", "open311", "open311-key", true));
		kinds.add(new Kind("RESEARCH_PLAN_CREATED", "plans", "research-plan", true));
		kinds.add(new Kind("RESEARCH_PLAN_UPDATED", "plans", "research-plan", true));
		for (String action : List.of("CREATED", "UPDATED", "PROGRESS_REPORTED", "ADVANCED_BY_PROBLEM", "DONE", "OVERDUE",
				"MILESTONE_ADDED", "MILESTONE_DONE", "PROBLEM_LINKED", "PROBLEM_UNLINKED")) {
			kinds.add(new Kind("MEASURE_" + action, "plans", "work-measure", true));
		}
		kinds.add(new Kind("VISIT_LOGGED", "visits", "visit", true));
		kinds.add(new Kind("VISIT_PHOTO_ADDED", "visits", "visit", true));
		kinds.add(new Kind("VISIT_COUNTS", "visits", "visit", true));
		kinds.add(new Kind("RECEPTION_DAY_PUBLISHED", "visits", "reception-day", true));
		kinds.add(new Kind("RECEPTION_DAY_CANCELLED", "visits", "reception-day", true));
		for (String action : List.of("PUBLISHED", "ACTIVATED", "DEACTIVATED")) {
			kinds.add(new Kind("LE_CATALOGUE_" + action, "lifeevents", "life-event", true));
		}
		kinds.add(new Kind("LE_DEPARTMENT_MAPPED", "lifeevents", "life-event", true));
		for (String action : List.of("FILED", "MATERIAL_ANSWERED", "COMPLETED", "RETURNED", "RATED", "CONSENT_CONFIRMED",
				"OVERDUE")) {
			kinds.add(new Kind("LE_APPLICATION_" + action, "lifeevents", "life-event", true));
		}
		for (String action : List.of("ACCEPTED", "COMPLETED", "REJECTED", "MATERIAL_REQUESTED", "OVERDUE")) {
			kinds.add(new Kind("LE_TASK_" + action, "lifeevents", "life-event", true));
		}
		kinds.add(new Kind("LE_DATA_VIEWED", "lifeevents", "life-event", true));
		kinds.add(new Kind("LE_CALENDAR_DAY_SET", "lifeevents", "calendar-day", true));
		kinds.add(new Kind("LE_CALENDAR_DAY_REMOVED", "lifeevents", "calendar-day", true));
		// owners' consents to install elevators (lifeevents): ConsentChanged, CONSENT_ and the action's name
		for (String action : List.of("OPEN", "OPEN_VOTE", "CLOSE", "CONFIRM", "REFUSE")) {
			kinds.add(new Kind("CONSENT_" + action, "lifeevents", "elevator-consent", true));
		}
		for (String action : List.of("ADD_OWNER", "EDIT_OWNER", "REMOVE_OWNER", "REISSUE_LINK", "VOTE", "RECORD_VOTE")) {
			kinds.add(new Kind("CONSENT_" + action, "lifeevents", "consent-owner", true));
		}
		for (String action : List.of("OBJECT", "RECORD_OBJECTION")) {
			kinds.add(new Kind("CONSENT_" + action, "lifeevents", "consent-objection", true));
		}
		Map<String, Kind> byCode = new LinkedHashMap<>();
		kinds.forEach(kind -> byCode.put(kind.code(), kind));
		ALL = java.util.Collections.unmodifiableMap(byCode);
	}

	private AuditKinds() {
	}

	static Optional<Kind> of(String code) {
		return Optional.ofNullable(ALL.get(code));
	}

	/** The kinds offered in a group, in the order above. */
	static List<Kind> listedIn(String group) {
		return ALL.values().stream().filter(kind -> kind.listed() && kind.group().equals(group)).toList();
	}

}
