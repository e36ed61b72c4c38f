package org.grassroots.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * One unit of the overdue heat table: the problems it holds now (its subtree), overdue and
 * supervised, one or two levels below the unit the table is for.
 *
 * @param depth 1 for the unit's children, 2 for their children
 * @param parentCode the code of the child a grandchild sits under (its own code at depth 1)
 * @param drillable whether the caller may open this unit's own view
 */
public record HeatRow(String unitCode, String unitName, @Nullable String unitNameEn, int depth, String parentCode,
		long openNow, long overdueNow, long supervisedNow, boolean drillable) {

	/** The unit's name in the given language, Chinese where no English name is known. */
	public String name(String language) {
		return "en".equals(language) && unitNameEn != null && !unitNameEn.isBlank() ? unitNameEn : unitName;
	}

}
