package org.grassroots.dashboard;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit's administrative children ranked by weighted score for a month (highest first; units
 * without a score last, then by code), each with its rank and score the month before.
 */
public record Ranking(String unitCode, String unitName, YearMonth month, Weights weights, List<Place> places) {

	/**
	 * @param rankChange last month's rank minus this month's: positive means it rose
	 * @param drillable whether the caller may open this unit's own ranking (it lies in their scope)
	 * @param learning the unit's learning figures for the month, shown beside the score and not part of it
	 */
	public record Place(int rank, @Nullable Integer previousRank, @Nullable Integer rankChange,
			@Nullable Double previousScore, @Nullable Double scoreChange, boolean drillable, Figures figures,
			LearningFigures learning) {

	}

}
