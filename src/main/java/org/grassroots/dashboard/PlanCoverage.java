package org.grassroots.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * One study plan running in the month with its members and met in a unit's subtree: a part of the
 * unit's coverage, opened on learning's coverage page of the plan over the unit
 * ({@code /learning/plans/{planId}?unitId={unitId}}), which lists the members behind it.
 *
 * @param coverage met / members, four places; {@code null} when the plan covers no one there
 */
public record PlanCoverage(long planId, String title, long unitId, long members, long met,
		@Nullable Double coverage) {

}
