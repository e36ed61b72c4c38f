package org.grassroots.learning;

import java.util.List;

/**
 * Coverage of a plan over a unit's subtree: the whole, and one row per unit directly below (the
 * unit's own members in a row of their own).
 */
public record Coverage(StudyPlan plan, Row total, List<Row> rows) {

	/** Members of a subtree and how many met the requirement. */
	public record Row(long unitId, String unitCode, String unitName, boolean own, int members, int met) {

		/** The share in percent, one decimal; zero members is 0. */
		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public double percent() {
			return members == 0 ? 0 : Math.round(met * 1000.0 / members) / 10.0;
		}

		public boolean drillable() {
			return !own && members > 0;
		}

	}

}
