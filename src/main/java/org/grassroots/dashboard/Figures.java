package org.grassroots.dashboard;

import java.time.YearMonth;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A unit subtree's figures for a month, each as defined once in docs/dashboard.md: the counts of
 * the month, the counts about now, the rates and the weighted score. A rate with nothing to
 * measure (no problem received, closed or rated) is null, not zero.
 */
public record Figures(String unitCode, String unitName, @Nullable String unitNameEn, YearMonth month, long received,
		long responded, long declined, long returned, long reopened, long summoned, long reportedIn, long closed,
		long resolved, long closedOnTime, long rated, long satisfied, long openNow, long overdueNow, long supervisedNow,
		@Nullable Double responseRate, @Nullable Double resolutionRate, @Nullable Double satisfactionRate,
		@Nullable Double onTimeRate, @Nullable Double reportInRate, @Nullable Double score) {

	/**
	 * The figures from the counts of the month and of now.
	 *
	 * @param monthCounts counts of the month per measure (the received- and closed-month measures)
	 * @param nowCounts counts now (open, overdue, supervised)
	 */
	public static Figures of(String unitCode, String unitName, @Nullable String unitNameEn, YearMonth month,
			Map<Measure, Long> monthCounts, Map<Measure, Long> nowCounts, Weights weights) {
		long received = get(monthCounts, Measure.RECEIVED);
		long closed = get(monthCounts, Measure.CLOSED);
		long rated = get(monthCounts, Measure.RATED);
		long summoned = get(monthCounts, Measure.SUMMONED);
		Double response = rate(get(monthCounts, Measure.RESPONDED), received);
		Double resolution = rate(get(monthCounts, Measure.RESOLVED), closed);
		Double satisfaction = rate(get(monthCounts, Measure.SATISFIED), rated);
		return new Figures(unitCode, unitName, unitNameEn, month, received, get(monthCounts, Measure.RESPONDED),
				get(monthCounts, Measure.DECLINED), get(monthCounts, Measure.RETURNED), get(monthCounts, Measure.REOPENED),
				summoned, get(monthCounts, Measure.REPORTED_IN), closed, get(monthCounts, Measure.RESOLVED),
				get(monthCounts, Measure.CLOSED_ON_TIME), rated, get(monthCounts, Measure.SATISFIED),
				get(nowCounts, Measure.OPEN), get(nowCounts, Measure.OVERDUE), get(nowCounts, Measure.SUPERVISED), response,
				resolution, satisfaction, rate(get(monthCounts, Measure.CLOSED_ON_TIME), closed),
				rate(get(monthCounts, Measure.REPORTED_IN), summoned), score(response, resolution, satisfaction, weights));
	}

	/** A share between 0 and 1, to four places; null when there is nothing to measure. */
	public static @Nullable Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
	}

	/**
	 * The weighted mean of the three rates on a scale of 100, to two places, over the rates that are
	 * there: a unit with nothing rated is scored on response and resolution alone.
	 */
	public static @Nullable Double score(@Nullable Double response, @Nullable Double resolution,
			@Nullable Double satisfaction, Weights weights) {
		double sum = 0;
		int weight = 0;
		if (response != null) {
			sum += response * weights.response();
			weight += weights.response();
		}
		if (resolution != null) {
			sum += resolution * weights.resolution();
			weight += weights.resolution();
		}
		if (satisfaction != null) {
			sum += satisfaction * weights.satisfaction();
			weight += weights.satisfaction();
		}
		return weight == 0 ? null : Math.round(sum * 10_000.0 / weight) / 100.0;
	}

	private static long get(Map<Measure, Long> counts, Measure measure) {
		return counts.getOrDefault(measure, 0L);
	}

}
