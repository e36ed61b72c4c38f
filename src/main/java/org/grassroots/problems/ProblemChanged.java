package org.grassroots.problems;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A command changed a problem: accepted, assigned, submitted, recognized, returned, closed,
 * escalated, supervised and so on, as named by the action.
 */
public record ProblemChanged(ProblemAction action, Problem before, Problem after, @Nullable String note,
		@Nullable String actorName) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "PROBLEM_" + action.name();
	}

	@Override
	public String subjectType() {
		return "PROBLEM";
	}

	@Override
	public String subjectId() {
		return after.ledgerNo();
	}

	@Override
	public String unitPath() {
		return after.holderUnitPath();
	}

	public boolean closed() {
		return after.state() == ProblemState.CLOSED && before.state() != ProblemState.CLOSED;
	}

}
