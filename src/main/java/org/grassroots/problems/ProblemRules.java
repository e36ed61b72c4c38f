package org.grassroots.problems;

import static org.grassroots.problems.ProblemState.ACCEPTED;
import static org.grassroots.problems.ProblemState.ASSIGNED;
import static org.grassroots.problems.ProblemState.CLOSED;
import static org.grassroots.problems.ProblemState.RECTIFYING;
import static org.grassroots.problems.ProblemState.REPORTED;
import static org.grassroots.problems.ProblemState.SUBMITTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.DomainException;

/**
 * The permission table: who may take which action on a problem in which state. docs/problems.md
 * shows the same table, and a test keeps the two equal.
 */
public final class ProblemRules {

	/** One row of the table. */
	public record Permission(Set<ProblemState> states, Set<Party> parties) {

	}

	public static final Map<ProblemAction, Permission> TABLE = table();

	private ProblemRules() {
	}

	private static Map<ProblemAction, Permission> table() {
		Map<ProblemAction, Permission> table = new EnumMap<>(ProblemAction.class);
		Set<ProblemState> open = EnumSet.of(REPORTED, ACCEPTED, ASSIGNED, RECTIFYING, SUBMITTED);
		Set<ProblemState> working = EnumSet.of(ACCEPTED, ASSIGNED, RECTIFYING);
		table.put(ProblemAction.ACCEPT, rule(EnumSet.of(REPORTED), Party.HANDLING_UNIT));
		table.put(ProblemAction.DECLINE, rule(EnumSet.of(REPORTED), Party.HANDLING_UNIT));
		table.put(ProblemAction.ASSIGN, rule(EnumSet.of(ACCEPTED, ASSIGNED), Party.HANDLING_UNIT));
		table.put(ProblemAction.DELEGATE, rule(EnumSet.of(ACCEPTED), Party.HANDLING_UNIT));
		table.put(ProblemAction.SPLIT, rule(EnumSet.of(ACCEPTED), Party.HANDLING_UNIT));
		table.put(ProblemAction.ESCALATE, rule(working, Party.HANDLING_UNIT, Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.START, rule(EnumSet.of(ASSIGNED, RECTIFYING), Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.NOTE, rule(EnumSet.of(ASSIGNED, RECTIFYING), Party.RESPONSIBLE_UNIT, Party.HANDLING_UNIT));
		table.put(ProblemAction.COMPLETE_MILESTONE, rule(EnumSet.of(RECTIFYING), Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.SUBMIT, rule(EnumSet.of(RECTIFYING), Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.RECOGNIZE, rule(EnumSet.of(SUBMITTED), Party.RAISING_SIDE, Party.RESPONSIBLE_SIDE));
		table.put(ProblemAction.RETURN, rule(EnumSet.of(SUBMITTED), Party.RAISING_SIDE, Party.RESPONSIBLE_SIDE));
		table.put(ProblemAction.SUPERVISE, rule(open, Party.UPPER_UNIT));
		table.put(ProblemAction.SUMMON, rule(working, Party.HANDLING_UNIT, Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.REPORT_IN, rule(open, Party.SUMMONED_DEPARTMENT));
		table.put(ProblemAction.ACT_ON_SUMMONS, rule(open, Party.SUMMONED_DEPARTMENT));
		table.put(ProblemAction.ATTACH, rule(open, Party.HANDLING_UNIT, Party.RESPONSIBLE_UNIT));
		table.put(ProblemAction.EVALUATE, rule(EnumSet.of(CLOSED), Party.REPORTER));
		table.put(ProblemAction.REVIEW, rule(EnumSet.of(CLOSED), Party.UPPER_UNIT));
		table.put(ProblemAction.PUBLISH, rule(EnumSet.allOf(ProblemState.class), Party.HANDLING_UNIT, Party.UPPER_UNIT));
		return table;
	}

	/** An enum value shown in the user's language, falling back to its name. */
	private static Object label(String prefix, Enum<?> value) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { prefix + value.name() },
				value.name());
	}

	private static Permission rule(Set<ProblemState> states, Party... parties) {
		return new Permission(Set.copyOf(states), Set.of(parties));
	}

	/** Whether someone standing to the problem as these parties may take the action now. */
	public static boolean allows(ProblemAction action, ProblemState state, Set<Party> parties) {
		Permission permission = TABLE.get(action);
		return permission != null && permission.states().contains(state)
				&& parties.stream().anyMatch(permission.parties()::contains);
	}

	/**
	 * @throws DomainException 403 when the person is no party the action allows, 409 with the
	 * reason when the state does not allow it
	 */
	public static void check(ProblemAction action, ProblemState state, Set<Party> parties) {
		Permission permission = TABLE.get(action);
		if (permission == null || parties.stream().noneMatch(permission.parties()::contains)) {
			throw DomainException.forbidden("problems.error.not-party", label("action.", action));
		}
		if (!permission.states().contains(state)) {
			throw DomainException.conflict("problems.error.illegal-transition", label("action.", action), label("state.", state));
		}
	}

}
