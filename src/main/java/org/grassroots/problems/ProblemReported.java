package org.grassroots.problems;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A problem entered the inventory, from staff or from a resident. */
public record ProblemReported(Problem problem, @Nullable String actorName) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "PROBLEM_REPORTED";
	}

	@Override
	public String subjectType() {
		return "PROBLEM";
	}

	@Override
	public String subjectId() {
		return problem.ledgerNo();
	}

	@Override
	public String unitPath() {
		return problem.handlingUnitPath();
	}

	@Override
	public Object after() {
		return problem;
	}

}
