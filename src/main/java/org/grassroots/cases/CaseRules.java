package org.grassroots.cases;

import static org.grassroots.cases.CaseState.DRAFT;
import static org.grassroots.cases.CaseState.PUBLISHED;
import static org.grassroots.cases.CaseState.RETURNED;
import static org.grassroots.cases.CaseState.SUBMITTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The permission table of typical cases: who may take which action in which state. docs/cases.md
 * shows the same table, and a test keeps the two equal.
 */
public final class CaseRules {

	/** How a person stands to a case. */
	public enum Party {

		/** An office (unit or city administrator) of the writing unit. */
		WRITER,
		/** A unit administrator, leading cadre or the city office of a unit strictly above the writing unit, whose scope covers it. */
		APPROVER

	}

	/** One row of the table. */
	public record Permission(Set<CaseState> states, Set<Party> parties) {

	}

	public static final Map<CaseAction, Permission> TABLE = table();

	private CaseRules() {
	}

	private static Map<CaseAction, Permission> table() {
		Map<CaseAction, Permission> table = new EnumMap<>(CaseAction.class);
		Set<CaseState> editable = EnumSet.of(DRAFT, RETURNED);
		table.put(CaseAction.EDIT, rule(editable, Party.WRITER));
		table.put(CaseAction.ADD_PHOTO, rule(editable, Party.WRITER));
		table.put(CaseAction.SUBMIT, rule(editable, Party.WRITER));
		table.put(CaseAction.APPROVE, rule(EnumSet.of(SUBMITTED), Party.APPROVER));
		table.put(CaseAction.RETURN, rule(EnumSet.of(SUBMITTED), Party.APPROVER));
		table.put(CaseAction.WITHDRAW, rule(EnumSet.of(SUBMITTED, PUBLISHED), Party.WRITER));
		table.put(CaseAction.CHANGE_REACH, rule(EnumSet.of(PUBLISHED), Party.APPROVER));
		return table;
	}

	private static Permission rule(Set<CaseState> states, Party... parties) {
		return new Permission(Set.copyOf(states), Set.of(parties));
	}

	/** Whether the person may write cases at all: an office of a unit, or the city office. */
	public static boolean writes(CurrentUser user) {
		return user.has(Role.UNIT_ADMIN) || user.has(Role.CITY_ADMIN);
	}

	/** How the person stands to the case: its unit's office, an upper unit's approver, both or neither. */
	public static Set<Party> parties(TypicalCase typical, CurrentUser user) {
		Set<Party> parties = EnumSet.noneOf(Party.class);
		if (writes(user) && user.unitId() == typical.unitId()) {
			parties.add(Party.WRITER);
		}
		boolean approverRole = user.has(Role.UNIT_ADMIN) || user.has(Role.LEADING_CADRE) || user.has(Role.CITY_ADMIN);
		boolean above = typical.unitPath().startsWith(user.unitPath()) && !typical.unitPath().equals(user.unitPath());
		if (approverRole && above && user.scope().covers(typical.unitPath())) {
			parties.add(Party.APPROVER);
		}
		return parties;
	}

	/** Whether the person's own unit is the city's: only the city office publishes city-wide. */
	public static boolean cityOffice(CurrentUser user) {
		return user.unitPath().chars().filter(c -> c == '/').count() == 2;
	}

	/** Whether a case written by a unit at this path has no upper unit: the city office's own. */
	public static boolean topUnit(String unitPath) {
		return unitPath.chars().filter(c -> c == '/').count() == 2;
	}

	public static boolean allows(CaseAction action, CaseState state, Set<Party> parties) {
		Permission permission = TABLE.get(action);
		return permission != null && permission.states().contains(state)
				&& parties.stream().anyMatch(permission.parties()::contains);
	}

	/**
	 * @throws DomainException 403 when the person is no party the action allows, 409 with the
	 * reason when the state does not allow it
	 */
	public static void check(CaseAction action, CaseState state, Set<Party> parties) {
		Permission permission = TABLE.get(action);
		if (permission == null || parties.stream().noneMatch(permission.parties()::contains)) {
			throw DomainException.forbidden("cases.error.not-party", label("cases.action.", action));
		}
		if (!permission.states().contains(state)) {
			throw DomainException.conflict("cases.error.illegal-transition", label("cases.action.", action),
					label("cases.state.", state));
		}
	}

	/** Publishing city-wide (approving or widening to CITY) needs the city office. */
	public static void checkReach(CaseReach reach, CurrentUser user) {
		if (reach == CaseReach.CITY && !cityOffice(user)) {
			throw DomainException.forbidden("cases.error.city-needs-city-office");
		}
	}

	private static Object label(String prefix, Enum<?> value) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + value.name() }, value.name());
	}

}
