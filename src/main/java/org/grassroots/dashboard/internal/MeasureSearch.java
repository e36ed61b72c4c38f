package org.grassroots.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.grassroots.dashboard.Measure;
import org.grassroots.problems.ProblemConditions;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemState;
import org.jspecify.annotations.Nullable;

/**
 * The problems module's search that selects the problems behind one number: the definitions of
 * docs/dashboard.md written as the search's filters and conditions, beside {@link Fact}, which
 * writes them as counts.
 *
 * @param exact whether the list holds exactly the problems counted, as many as the number says
 */
public record MeasureSearch(ProblemFilter filter, ProblemConditions conditions, boolean exact) {

	/**
	 * Summonses count at the summoned department, not at the unit holding the problem, and returned
	 * rectifications count returns, not problems: their lists are the nearest the search gives.
	 */
	private static final Set<Measure> INEXACT = Set.of(Measure.RETURNED, Measure.SUMMONED, Measure.REPORTED_IN);

	public static boolean isExact(Measure measure) {
		return !INEXACT.contains(measure);
	}

	public static MeasureSearch of(Measure measure, String unitCode, YearMonth month, @Nullable String category) {
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		ProblemFilter received = new ProblemFilter(null, category, null, unitCode, null, null, first, last, null);
		ProblemFilter closed = new ProblemFilter(ProblemState.CLOSED, category, null, unitCode, null, null, null, null,
				null);
		ProblemFilter now = new ProblemFilter(null, category, null, unitCode, null, null, null, null, null);
		ProblemConditions counted = ProblemConditions.NONE.counted(true);
		ProblemConditions closedIn = counted.closedBetween(first, last);
		return switch (measure) {
			case RECEIVED -> of(measure, received, counted);
			case RESPONDED -> of(measure, received, counted.respondedInTime(true));
			case DECLINED -> of(measure, new ProblemFilter(ProblemState.DECLINED, category, null, unitCode, null, null, first,
					last, null), counted);
			case RETURNED -> of(measure, received, counted.returned(true));
			case REOPENED -> of(measure, received, counted.reopened(true));
			// the nearest: problems received in the month, wherever their summonses went
			case SUMMONED, REPORTED_IN -> of(measure, received, ProblemConditions.NONE);
			case CLOSED -> of(measure, closed, closedIn);
			case RESOLVED -> of(measure, closed, closedIn.dissatisfied(false));
			case CLOSED_ON_TIME -> of(measure, closed, closedIn.closedOnTime(true));
			case RATED -> of(measure, closed, closedIn.rated(true));
			case SATISFIED -> of(measure, closed, closedIn.satisfied(true));
			case OPEN -> of(measure, now, counted.open(true));
			case OVERDUE -> of(measure, new ProblemFilter(null, category, null, unitCode, true, null, null, null, null),
					counted.open(true));
			case SUPERVISED -> of(measure, new ProblemFilter(null, category, null, unitCode, null, true, null, null, null),
					counted.open(true));
		};
	}

	private static MeasureSearch of(Measure measure, ProblemFilter filter, ProblemConditions conditions) {
		return new MeasureSearch(filter, conditions, !INEXACT.contains(measure));
	}

}
