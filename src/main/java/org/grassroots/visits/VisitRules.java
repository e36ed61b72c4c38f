package org.grassroots.visits;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;

/**
 * Who may do what with visits and reception days, by role: the permission table of docs/visits.md,
 * which {@code VisitRulesTests} reads and compares with this one. Scope is checked in the queries
 * besides; conditions beyond the role (one's own visit, one's own day) are checked by the commands.
 */
public final class VisitRules {

	/** What a person does with visits and reception days. */
	public enum VisitAction {

		LOG, ADD_PHOTO, READ, PUBLISH_RECEPTION_DAY, CANCEL_RECEPTION_DAY

	}

	private static final Set<Role> STAFF = EnumSet.of(Role.CITY_ADMIN, Role.UNIT_ADMIN, Role.LEADING_CADRE,
			Role.CASEWORKER, Role.STEERING_GROUP);

	public static final Map<VisitAction, Set<Role>> TABLE;

	static {
		Map<VisitAction, Set<Role>> table = new EnumMap<>(VisitAction.class);
		table.put(VisitAction.LOG, EnumSet.of(Role.LEADING_CADRE));
		table.put(VisitAction.ADD_PHOTO, EnumSet.of(Role.LEADING_CADRE));
		table.put(VisitAction.READ, STAFF);
		table.put(VisitAction.PUBLISH_RECEPTION_DAY, EnumSet.of(Role.LEADING_CADRE));
		table.put(VisitAction.CANCEL_RECEPTION_DAY, EnumSet.of(Role.CITY_ADMIN, Role.UNIT_ADMIN, Role.LEADING_CADRE));
		TABLE = java.util.Collections.unmodifiableMap(table);
	}

	private VisitRules() {
	}

	public static boolean allows(VisitAction action, CurrentUser user) {
		return TABLE.get(action).stream().anyMatch(user::has);
	}

	/** Refuses with 403 a person none of whose roles the table allows the action. */
	public static void check(VisitAction action, CurrentUser user) {
		if (!allows(action, user)) {
			throw DomainException.forbidden(action == VisitAction.READ ? "error.403.text" : "visits.error.cadres-only");
		}
	}

}
