package org.grassroots.problems;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Search filters; every one optional. Dates are days in Asia/Shanghai, both ends included.
 *
 * @param unitCode the unit holding the problem lies in this unit's subtree
 * @param text in the title or the description
 */
public record ProblemFilter(@Nullable ProblemState state, @Nullable String categoryCode, @Nullable ProblemSource source,
		@Nullable String unitCode, @Nullable Boolean overdue, @Nullable Boolean supervised, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable String text) {

	public static final ProblemFilter NONE = new ProblemFilter(null, null, null, null, null, null, null, null, null);

}
