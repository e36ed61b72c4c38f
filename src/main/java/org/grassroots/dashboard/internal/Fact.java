package org.grassroots.dashboard.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.dashboard.Measure;
import org.grassroots.problems.ProblemFact;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.Rating;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;

/**
 * What one problem adds to the counters, decided once from its {@link ProblemFact} by the rules of
 * docs/dashboard.md. The dashboard keeps the last one applied per problem, so a new event adds
 * only the difference and a repeated one adds nothing.
 *
 * @param unitPath where the problem counts: the unit holding it
 * @param counted false for duplicates and split parents, which add nothing but summonses
 * @param receivedMonth yyyymm in Asia/Shanghai
 * @param closedMonth yyyymm of the closure, 0 while not closed
 */
public record Fact(long problemId, String unitPath, String categoryCode, boolean counted, int receivedMonth,
		boolean responded, boolean declined, int returned, boolean reopened, int closedMonth, boolean resolved,
		boolean closedOnTime, boolean rated, boolean satisfied, boolean open, boolean overdue, boolean supervised,
		List<Summoned> summoned) {

	/** The month key of the figures that are about now, not about a month. */
	public static final int NOW = 0;

	public Fact {
		summoned = List.copyOf(summoned);
	}

	/** One department summoned on the problem, counted at the department in the month of the summons. */
	public record Summoned(String unitPath, int month, boolean reportedInOnTime) {

	}

	/** A quantity to add at a unit (rolled up to its ancestors by the counters), month and category. */
	public record Contribution(String unitPath, int month, String categoryCode, Measure measure, int amount) {

	}

	/** Nothing counted: a problem never seen, or no longer there. */
	public static Fact none(long problemId) {
		return new Fact(problemId, "", "", false, NOW, false, false, 0, false, NOW, false, false, false, false, false,
				false, false, List.of());
	}

	public static Fact of(ProblemFact problem) {
		List<Summoned> summoned = problem.duplicate() ? List.of()
				: problem.summoned().stream()
					.map(department -> new Summoned(department.unitPath(), month(department.issuedAt()),
							department.reportedAt() != null && !department.reportedAt().isAfter(department.dueAt())))
					.toList();
		boolean counted = !problem.duplicate() && !problem.splitParent();
		if (!counted) {
			return new Fact(problem.id(), problem.holderUnitPath(), problem.categoryCode(), false, month(problem.createdAt()),
					false, false, 0, false, NOW, false, false, false, false, false, false, false, summoned);
		}
		boolean responded = problem.firstActionAt() != null
				&& (problem.responseDue() == null || !problem.firstActionAt().isAfter(problem.responseDue()));
		boolean closed = problem.state() == ProblemState.CLOSED && problem.closedAt() != null;
		Rating rating = closed ? problem.evaluation() : null;
		boolean open = problem.state().isOpen();
		return new Fact(problem.id(), problem.holderUnitPath(), problem.categoryCode(), true, month(problem.createdAt()),
				responded, problem.state() == ProblemState.DECLINED, problem.returnCount(), problem.reopened(),
				closed ? month(problem.closedAt()) : NOW, closed && rating != Rating.DISSATISFIED,
				closed && (problem.deadline() == null || !problem.closedAt().isAfter(problem.deadline())), rating != null,
				rating == Rating.SATISFIED || rating == Rating.BASICALLY_SATISFIED, open, open && problem.overdue(),
				open && problem.supervised(), summoned);
	}

	/** Everything this fact adds, before the roll-up to ancestors. */
	public List<Contribution> contributions() {
		List<Contribution> added = new ArrayList<>();
		for (Summoned department : summoned) {
			added.add(new Contribution(department.unitPath(), department.month(), categoryCode, Measure.SUMMONED, 1));
			if (department.reportedInOnTime()) {
				added.add(new Contribution(department.unitPath(), department.month(), categoryCode, Measure.REPORTED_IN, 1));
			}
		}
		if (!counted) {
			return added;
		}
		add(added, receivedMonth, Measure.RECEIVED, 1);
		add(added, receivedMonth, Measure.RESPONDED, responded ? 1 : 0);
		add(added, receivedMonth, Measure.DECLINED, declined ? 1 : 0);
		add(added, receivedMonth, Measure.RETURNED, returned);
		add(added, receivedMonth, Measure.REOPENED, reopened ? 1 : 0);
		if (closedMonth != NOW) {
			add(added, closedMonth, Measure.CLOSED, 1);
			add(added, closedMonth, Measure.RESOLVED, resolved ? 1 : 0);
			add(added, closedMonth, Measure.CLOSED_ON_TIME, closedOnTime ? 1 : 0);
			add(added, closedMonth, Measure.RATED, rated ? 1 : 0);
			add(added, closedMonth, Measure.SATISFIED, satisfied ? 1 : 0);
		}
		add(added, NOW, Measure.OPEN, open ? 1 : 0);
		add(added, NOW, Measure.OVERDUE, overdue ? 1 : 0);
		add(added, NOW, Measure.SUPERVISED, supervised ? 1 : 0);
		return added;
	}

	private void add(List<Contribution> added, int month, Measure measure, int amount) {
		if (amount != 0) {
			added.add(new Contribution(unitPath, month, categoryCode, measure, amount));
		}
	}

	/** The month key (yyyymm) of an instant in Asia/Shanghai. */
	public static int month(Instant at) {
		return key(YearMonth.from(at.atZone(Times.ZONE)));
	}

	public static int key(YearMonth month) {
		return month.getYear() * 100 + month.getMonthValue();
	}

	public static YearMonth yearMonth(int key) {
		return YearMonth.of(key / 100, key % 100);
	}

	static @Nullable String parentOf(String path) {
		int cut = path.lastIndexOf('/', path.length() - 2);
		return cut <= 0 ? null : path.substring(0, cut + 1);
	}

	/** The path and every ancestor's, from the city down. */
	static List<String> lineage(String path) {
		List<String> paths = new ArrayList<>();
		int from = 1;
		int slash;
		while ((slash = path.indexOf('/', from)) > 0) {
			paths.add(path.substring(0, slash + 1));
			from = slash + 1;
		}
		return paths;
	}

}
