package org.grassroots.problems;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the dashboard counts of one problem, as it stands now: enough to decide every figure of
 * docs/dashboard.md without reading the problem tables.
 *
 * @param holderUnitPath the responsible unit once assigned, else the handling unit
 * @param splitParent whether the problem was split into child problems
 * @param duplicate whether it is a resident's report linked to another problem
 * @param reopened whether a review ever reopened it after a dissatisfied rating
 * @param summoned the departments summoned on it, each with its report-in
 */
public record ProblemFact(long id, String categoryCode, ProblemState state, String holderUnitPath, boolean splitParent,
		boolean duplicate, Instant createdAt, @Nullable Instant responseDue, @Nullable Instant firstActionAt,
		@Nullable Instant deadline, @Nullable Instant closedAt, boolean overdue, boolean supervised, int returnCount,
		@Nullable Rating evaluation, boolean reopened, List<SummonedDepartment> summoned) {

	public ProblemFact {
		summoned = List.copyOf(summoned);
	}

	/** One department's part of a summons: when it was summoned, by when and when it reported in. */
	public record SummonedDepartment(String unitPath, Instant issuedAt, Instant dueAt, @Nullable Instant reportedAt) {

	}

}
