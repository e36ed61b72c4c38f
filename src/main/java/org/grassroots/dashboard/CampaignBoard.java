package org.grassroots.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A unit's campaign figures for a month (visits, work measures, typical cases, mechanisms; each
 * code of {@link CampaignMeasure} with its amount, zero included) and the same for each of its
 * administrative children, for the drill-down.
 */
public record CampaignBoard(String unitCode, String unitName, @Nullable String unitNameEn, YearMonth month,
		Map<CampaignMeasure, Long> figures, List<Child> children) {

	/** The amount of a measure by its code, for the page. */
	public long of(String code) {
		return figures.getOrDefault(CampaignMeasure.valueOf(code), 0L);
	}

	/**
	 * @param inScope whether the caller may open this unit's own figures (it lies in their scope)
	 */
	public record Child(String unitCode, String unitName, @Nullable String unitNameEn, boolean inScope,
			Map<CampaignMeasure, Long> figures) {

		public long of(String code) {
			return figures.getOrDefault(CampaignMeasure.valueOf(code), 0L);
		}

	}

}
