package org.grassroots.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The benchmarking view (对标) of one issue: every district's measures on the category side by
 * side, districts best first. Titles, targets, progress and counts only: no problem details and
 * no person names (docs/plans.md, "Benchmarking").
 */
public record Benchmark(String categoryCode, List<District> districts) {

	public Benchmark {
		districts = List.copyOf(districts);
	}

	/**
	 * One district's row.
	 *
	 * @param averagePercent the mean of its measures' percentages, by which districts are ranked
	 * @param best first of all districts
	 * @param own the reader's own district
	 */
	public record District(int rank, String districtCode, String nameZh, @Nullable String nameEn, double averagePercent,
			int onTime, int late, int overdue, int problemsClosed, int problemsLinked, boolean best, boolean own,
			List<Line> measures) {

		public District {
			measures = List.copyOf(measures);
		}

		public String name(String language) {
			return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
		}

	}

	/**
	 * One measure of a district.
	 *
	 * @param best the best measure of the whole view
	 */
	public record Line(long measureId, String title, String ownerUnitNameZh, @Nullable String ownerUnitNameEn,
			@Nullable Integer targetAmount, @Nullable String targetUnit, int progress, double percent, LocalDate deadline,
			MeasureStatus status, Timeliness timeliness, int problemsClosed, int problemsLinked, boolean best) {

		public String ownerUnitName(String language) {
			return "en".equals(language) && ownerUnitNameEn != null && !ownerUnitNameEn.isBlank() ? ownerUnitNameEn
					: ownerUnitNameZh;
		}

	}

}
