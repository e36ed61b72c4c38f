package org.grassroots.dashboard;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A unit's learning figures for a month (docs/dashboard.md): coverage over the plans running in the
 * month and the check-ins of the month, members counted where they are now.
 *
 * @param members members of the subtree covered by a plan running in the month, once per such plan
 * @param met of those, the ones who met the plan's requirement
 * @param coverage met / members, four places; {@code null} when no plan covers anyone
 * @param checkIns activities on days of the month by the members of the subtree now
 * @param plans the plans running in the month that cover members of the subtree (what coverage adds up)
 */
public record LearningFigures(String unitCode, String unitNameZh, @Nullable String unitNameEn, YearMonth month, long members,
		long met, @Nullable Double coverage, long checkIns, long plans) {

}
