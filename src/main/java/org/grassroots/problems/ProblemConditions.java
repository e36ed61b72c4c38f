package org.grassroots.problems;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Conditions beyond the search's filters that select exactly the problems behind a figure of the
 * dashboard (docs/dashboard.md), combined with a {@link ProblemFilter}; every one optional, and
 * {@code false} selects the opposite. Dates are days in Asia/Shanghai, both ends included.
 *
 * @param counted neither a linked duplicate nor a split parent
 * @param open neither closed nor declined
 * @param closedFrom closed on or after this day
 * @param closedTo closed on or before this day
 * @param respondedInTime first acted on, by its response limit when it has one
 * @param closedOnTime closed, not after its deadline when it has one
 * @param rated carries a resident's rating (the latest)
 * @param satisfied rated {@code SATISFIED} or {@code BASICALLY_SATISFIED}
 * @param dissatisfied rated {@code DISSATISFIED}
 * @param reopened a review ever reopened it
 * @param returned its rectification was returned at least once
 */
public record ProblemConditions(@Nullable Boolean counted, @Nullable Boolean open, @Nullable LocalDate closedFrom,
		@Nullable LocalDate closedTo, @Nullable Boolean respondedInTime, @Nullable Boolean closedOnTime,
		@Nullable Boolean rated, @Nullable Boolean satisfied, @Nullable Boolean dissatisfied, @Nullable Boolean reopened,
		@Nullable Boolean returned) {

	public static final ProblemConditions NONE = new ProblemConditions(null, null, null, null, null, null, null, null,
			null, null, null);

	public ProblemConditions counted(boolean value) {
		return new ProblemConditions(value, open, closedFrom, closedTo, respondedInTime, closedOnTime, rated, satisfied,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions open(boolean value) {
		return new ProblemConditions(counted, value, closedFrom, closedTo, respondedInTime, closedOnTime, rated, satisfied,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions closedBetween(LocalDate from, LocalDate to) {
		return new ProblemConditions(counted, open, from, to, respondedInTime, closedOnTime, rated, satisfied, dissatisfied,
				reopened, returned);
	}

	public ProblemConditions respondedInTime(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, value, closedOnTime, rated, satisfied,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions closedOnTime(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, value, rated, satisfied,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions rated(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, closedOnTime, value, satisfied,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions satisfied(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, closedOnTime, rated, value,
				dissatisfied, reopened, returned);
	}

	public ProblemConditions dissatisfied(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, closedOnTime, rated, satisfied,
				value, reopened, returned);
	}

	public ProblemConditions reopened(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, closedOnTime, rated, satisfied,
				dissatisfied, value, returned);
	}

	public ProblemConditions returned(boolean value) {
		return new ProblemConditions(counted, open, closedFrom, closedTo, respondedInTime, closedOnTime, rated, satisfied,
				dissatisfied, reopened, value);
	}

}
