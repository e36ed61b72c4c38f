package org.grassroots.learning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Coverage of a plan over a unit's subtree: the whole, one row per unit directly below (the unit's
 * own members in a row of their own), and the units from the city down to it for a breadcrumb.
 */
public record Coverage(StudyPlan plan, Row total, List<Row> rows, List<Step> lineage) {

	public Coverage {
		rows = List.copyOf(rows);
		lineage = List.copyOf(lineage);
	}

	/**
	 * Members of a subtree and how many met the requirement.
	 *
	 * @param open whether the caller may open the plan's coverage over this unit (it lies in their scope)
	 */
	public record Row(long unitId, String unitCode, String unitName, boolean own, int members, int met, boolean open) {

		/** The share in percent, one decimal; none where there are no members (a unit without members has no coverage). */
		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public @Nullable Double percent() {
			return members == 0 ? null : Math.round(met * 1000.0 / members) / 10.0;
		}

		public boolean drillable() {
			return !own && open && members > 0;
		}

	}

	/**
	 * One unit on the way from the city down to the unit viewed.
	 *
	 * @param open whether the caller may open the plan's coverage over it (it lies in their scope)
	 */
	public record Step(long unitId, String unitCode, String unitName, boolean open) {

	}

}
