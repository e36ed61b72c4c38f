package org.grassroots.lifeevents;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;

/**
 * Who may do what with the working-day calendar, by role: the permission table of
 * docs/lifeevents-calendar.md, which {@code CalendarRulesTests} reads and compares with this one.
 * The calendar is the city's one calendar, so there is no data scope to check beyond the role.
 */
public final class CalendarRules {

	/** What a person does with the working-day calendar. */
	public enum CalendarAction {

		/** Read a year's days and kinds through the API (every signed-in person: residents see time limits). */
		READ,
		/** Open the calendar page. */
		VIEW_PAGE,
		/** Set a day (new or changed). */
		SET_DAY,
		/** Remove a set day. */
		REMOVE_DAY

	}

	public static final Map<CalendarAction, Set<Role>> TABLE;

	static {
		Map<CalendarAction, Set<Role>> table = new EnumMap<>(CalendarAction.class);
		table.put(CalendarAction.READ, EnumSet.complementOf(EnumSet.copyOf(Role.SEPARATE_DUTIES)));
		table.put(CalendarAction.VIEW_PAGE, EnumSet.of(Role.CITY_ADMIN, Role.UNIT_ADMIN, Role.LEADING_CADRE,
				Role.CASEWORKER, Role.STEERING_GROUP));
		table.put(CalendarAction.SET_DAY, EnumSet.of(Role.CITY_ADMIN));
		table.put(CalendarAction.REMOVE_DAY, EnumSet.of(Role.CITY_ADMIN));
		TABLE = java.util.Collections.unmodifiableMap(table);
	}

	private CalendarRules() {
	}

	public static boolean allows(CalendarAction action, CurrentUser user) {
		return TABLE.get(action).stream().anyMatch(user::has);
	}

	/** Refuses with 403 a person none of whose roles the table allows the action. */
	public static void check(CalendarAction action, CurrentUser user) {
		if (!allows(action, user)) {
			throw DomainException.forbidden(action == CalendarAction.SET_DAY || action == CalendarAction.REMOVE_DAY
					? "le.calendar.error.city-only" : "error.403.text");
		}
	}

}
