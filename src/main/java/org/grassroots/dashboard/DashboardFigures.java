package org.grassroots.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.internal.Counters;
import org.grassroots.dashboard.internal.Fact;
import org.grassroots.dashboard.internal.LearningStore;
import org.grassroots.dashboard.internal.MeasureSearch;
import org.grassroots.dashboard.internal.WeightsRepository;
import org.grassroots.learning.LearningCoverage;
import org.grassroots.learning.StudyPlan;
import org.grassroots.problems.Category;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the figures: a unit's figures for a month, the ranking of its children, its trend, its
 * categories and the problems behind a number. Every read is a few rows of the dashboard's own
 * counters. Scope: the city's and the districts' figures and the city's ranking are published to
 * all staff; everything below a district only within the caller's scope (404 otherwise).
 */
@Service
public class DashboardFigures {

	private final Counters counters;

	private final WeightsRepository weights;

	private final UnitManagement units;

	private final ProblemViews problems;

	private final Clock clock;

	private final LearningStore learningRows;

	private final LearningCoverage coverage;

	DashboardFigures(Counters counters, WeightsRepository weights, UnitManagement units, ProblemViews problems,
			Clock clock, LearningStore learningRows, LearningCoverage coverage) {
		this.learningRows = learningRows;
		this.coverage = coverage;
		this.counters = counters;
		this.weights = weights;
		this.units = units;
		this.problems = problems;
		this.clock = clock;
	}

	/** This month in Asia/Shanghai. */
	public YearMonth thisMonth() {
		return YearMonth.now(clock.withZone(Times.ZONE));
	}

	@Transactional(readOnly = true)
	public Figures figures(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = published(unitCode, user);
		YearMonth shown = month == null ? thisMonth() : month;
		int key = Fact.key(shown);
		Map<Measure, Long> monthCounts = new EnumMap<>(Measure.class);
		Map<Measure, Long> nowCounts = new EnumMap<>(Measure.class);
		for (Counters.Row row : counters.ofUnit(unit.path(), List.of(key, Fact.NOW), Counters.ALL)) {
			fill(row.month() == Fact.NOW ? nowCounts : monthCounts, row);
		}
		return Figures.of(unit.code(), unit.nameZh(), unit.nameEn(), shown, monthCounts, nowCounts, weights.get());
	}

	/**
	 * The unit's administrative children ranked for the month, with last month's places. The city's
	 * ranking of districts is published to all staff; any other unit's only within scope.
	 */
	@Transactional(readOnly = true)
	public Ranking ranking(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		staff(user);
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		if (unit.level() != UnitLevel.CITY && !user.scope().covers(unit.path())) {
			throw new NotFoundException("unit", unitCode);
		}
		YearMonth shown = month == null ? thisMonth() : month;
		Weights current = weights.get();
		int key = Fact.key(shown);
		int previousKey = Fact.key(shown.minusMonths(1));
		Map<String, Map<Integer, Map<Measure, Long>>> byPath = new HashMap<>();
		for (Counters.Row row : counters.childrenOf(unit.path(), List.of(key, previousKey, Fact.NOW))) {
			fill(byPath.computeIfAbsent(row.unitPath(), path -> new HashMap<>())
				.computeIfAbsent(row.month(), m -> new EnumMap<>(Measure.class)), row);
		}
		List<Figures> now = new ArrayList<>();
		List<Figures> before = new ArrayList<>();
		Map<String, Unit> children = new LinkedHashMap<>();
		for (Unit child : units.children(unit.id(), DataScope.CITY, 0)) {
			if (child.kind() != UnitKind.ADMINISTRATIVE) {
				continue;
			}
			children.put(child.code(), child);
			Map<Integer, Map<Measure, Long>> months = byPath.getOrDefault(child.path(), Map.of());
			Map<Measure, Long> nowCounts = months.getOrDefault(Fact.NOW, Map.of());
			now.add(Figures.of(child.code(), child.nameZh(), child.nameEn(), shown, months.getOrDefault(key, Map.of()),
					nowCounts, current));
			before.add(Figures.of(child.code(), child.nameZh(), child.nameEn(), shown.minusMonths(1),
					months.getOrDefault(previousKey, Map.of()), nowCounts, current));
		}
		Map<String, Integer> previousRanks = ranks(before);
		Map<String, Double> previousScores = new HashMap<>();
		before.forEach(figures -> {
			if (figures.score() != null) {
				previousScores.put(figures.unitCode(), figures.score());
			}
		});
		List<Figures> ordered = new ArrayList<>(now);
		ordered.sort(ORDER);
		// shown beside the score, not part of it: one read for all children
		Map<String, long[]> learning = learningRows.figures(children.values().stream().map(Unit::path).toList(), key);
		List<Ranking.Place> places = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Figures figures = ordered.get(i);
			int rank = i + 1;
			Integer previousRank = previousRanks.get(figures.unitCode());
			Double previousScore = previousScores.get(figures.unitCode());
			Unit child = children.get(figures.unitCode());
			places.add(new Ranking.Place(rank, previousRank, previousRank == null ? null : previousRank - rank,
					previousScore, previousScore == null || figures.score() == null ? null
							: Math.round((figures.score() - previousScore) * 100) / 100.0,
					user.scope().covers(child.path()), figures,
					learningFigures(child, shown, learning.get(child.path()))));
		}
		return new Ranking(unit.code(), unit.nameZh(), shown, current, places);
	}

	/** Highest score first; units without a score last; ties by code. */
	private static final Comparator<Figures> ORDER = Comparator
		.comparing((Figures figures) -> figures.score() == null ? Double.NEGATIVE_INFINITY : figures.score())
		.reversed()
		.thenComparing(Figures::unitCode);

	/** Ranks of the units that had a score; a unit without one has no rank. */
	private static Map<String, Integer> ranks(List<Figures> figures) {
		List<Figures> scored = new ArrayList<>(figures.stream().filter(f -> f.score() != null).toList());
		scored.sort(ORDER);
		Map<String, Integer> ranks = new HashMap<>();
		for (int i = 0; i < scored.size(); i++) {
			ranks.put(scored.get(i).unitCode(), i + 1);
		}
		return ranks;
	}

	/** Received and closed per month, from one month to another (at most 60 months). */
	@Transactional(readOnly = true)
	public List<TrendPoint> trend(String unitCode, @Nullable YearMonth from, @Nullable YearMonth to, CurrentUser user) {
		Unit unit = published(unitCode, user);
		YearMonth last = to == null ? thisMonth() : to;
		YearMonth first = from == null ? last.minusMonths(11) : from;
		if (first.isAfter(last) || first.plusMonths(60).isBefore(last)) {
			throw DomainException.invalid("dashboard.error.months");
		}
		Map<Integer, Counters.Row> rows = new HashMap<>();
		counters.ofUnitBetween(unit.path(), Fact.key(first), Fact.key(last), Counters.ALL)
			.forEach(row -> rows.put(row.month(), row));
		List<TrendPoint> points = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			Counters.Row row = rows.get(Fact.key(month));
			points.add(new TrendPoint(month, row == null ? 0 : row.get(Measure.RECEIVED),
					row == null ? 0 : row.get(Measure.CLOSED)));
		}
		return points;
	}

	/**
	 * Problems received per category in the month beside the month before, most frequent first
	 * (then by the categories' order): the list one topic a month is picked from.
	 */
	@Transactional(readOnly = true)
	public List<CategoryCount> categories(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = published(unitCode, user);
		YearMonth shown = month == null ? thisMonth() : month;
		int key = Fact.key(shown);
		Map<String, long[]> counts = new HashMap<>();
		for (Counters.Row row : counters.categoriesOf(unit.path(), List.of(key, Fact.key(shown.minusMonths(1))))) {
			counts.computeIfAbsent(row.categoryCode(), code -> new long[2])[row.month() == key ? 0 : 1] = row
				.get(Measure.RECEIVED);
		}
		List<CategoryCount> list = new ArrayList<>();
		for (Category category : problems.categories()) {
			long[] count = counts.getOrDefault(category.code(), new long[2]);
			list.add(new CategoryCount(category.code(), category.nameZh(), category.nameEn(), shown, count[0], count[1],
					count[0] - count[1], count[1] == 0 ? null : Figures.rate(count[0] - count[1], count[1])));
		}
		list.sort(Comparator.comparingLong(CategoryCount::received).reversed());
		return list;
	}

	/**
	 * Problems of one category received in each month from one month to another (at most 60), from
	 * the same counter rows as {@link #categories}: how a topic's class of problems went on.
	 */
	@Transactional(readOnly = true)
	public List<CategoryMonth> categoryMonths(String unitCode, String categoryCode, YearMonth from, YearMonth to,
			CurrentUser user) {
		Unit unit = published(unitCode, user);
		if (from.isAfter(to) || from.plusMonths(60).isBefore(to)) {
			throw DomainException.invalid("dashboard.error.months");
		}
		Map<Integer, Long> received = new HashMap<>();
		counters.ofUnitBetween(unit.path(), Fact.key(from), Fact.key(to), categoryCode)
			.forEach(row -> received.put(row.month(), row.get(Measure.RECEIVED)));
		List<CategoryMonth> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(new CategoryMonth(month, received.getOrDefault(Fact.key(month), 0L)));
		}
		return months;
	}

	/**
	 * The problems behind a number, from the problems module's scoped search with the measure's
	 * conditions (MeasureSearch): a unit outside the caller's scope answers 404 there.
	 */
	@Transactional(readOnly = true)
	public BehindNumber behind(String unitCode, Measure measure, @Nullable YearMonth month, @Nullable String category,
			int page, CurrentUser user) {
		ProblemViews.Page found = behindPage(unitCode, measure, month, category, page, user);
		List<ProblemLink> items = found.items()
			.stream()
			.map(problem -> new ProblemLink(problem.id(), problem.ledgerNo(), problem.title(), problem.state(),
					"/problems/" + problem.id()))
			.toList();
		return new BehindNumber(measure, isExact(measure), found.totalText(), found.page(), found.pages(), items);
	}

	/** The page of problems behind a number, as the problem lists show them. */
	@Transactional(readOnly = true)
	public ProblemViews.Page behindPage(String unitCode, Measure measure, @Nullable YearMonth month,
			@Nullable String category, int page, CurrentUser user) {
		staff(user);
		MeasureSearch search = MeasureSearch.of(measure, unitCode, month == null ? thisMonth() : month, category);
		return problems.search(search.filter(), search.conditions(), user, Math.max(page, 0));
	}

	/** Whether the list holds exactly the problems a measure counts (else the nearest list). */
	public static boolean isExact(Measure measure) {
		return MeasureSearch.isExact(measure);
	}

	/**
	 * The problem search's filter nearest to a measure, for a link to the full search and its
	 * export (which take no conditions): the list behind the number itself is {@link #behindPage}.
	 */
	public ProblemFilter behindFilter(String unitCode, Measure measure, @Nullable YearMonth month,
			@Nullable String category) {
		return MeasureSearch.of(measure, unitCode, month == null ? thisMonth() : month, category).filter();
	}

	/**
	 * The overdue heat table of a unit: open, overdue and supervised problems now for its
	 * administrative children and, below a district or a street, their children too (the city's
	 * table stops at the districts). The city's table is published; any other only within scope.
	 */
	@Transactional(readOnly = true)
	public List<HeatRow> heat(String unitCode, CurrentUser user) {
		staff(user);
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		if (unit.level() != UnitLevel.CITY && !user.scope().covers(unit.path())) {
			throw new NotFoundException("unit", unitCode);
		}
		List<HeatRow> rows = new ArrayList<>();
		Map<String, Map<Measure, Long>> children = nowOf(unit.path());
		for (Unit child : administrativeChildren(unit)) {
			rows.add(heatRow(child, 1, child.code(), children.getOrDefault(child.path(), Map.of()), user));
			if (unit.level() != UnitLevel.CITY && child.childCount() > 0) {
				Map<String, Map<Measure, Long>> below = nowOf(child.path());
				for (Unit grandchild : administrativeChildren(child)) {
					rows.add(heatRow(grandchild, 2, child.code(), below.getOrDefault(grandchild.path(), Map.of()), user));
				}
			}
		}
		return rows;
	}

	private List<Unit> administrativeChildren(Unit unit) {
		return units.children(unit.id(), DataScope.CITY, 0)
			.stream()
			.filter(child -> child.kind() == UnitKind.ADMINISTRATIVE)
			.toList();
	}

	/** The now counts of a unit's children, by path: one range of the parent index. */
	private Map<String, Map<Measure, Long>> nowOf(String parentPath) {
		Map<String, Map<Measure, Long>> byPath = new HashMap<>();
		for (Counters.Row row : counters.childrenOf(parentPath, List.of(Fact.NOW))) {
			fill(byPath.computeIfAbsent(row.unitPath(), path -> new EnumMap<>(Measure.class)), row);
		}
		return byPath;
	}

	private static HeatRow heatRow(Unit unit, int depth, String parentCode, Map<Measure, Long> now, CurrentUser user) {
		return new HeatRow(unit.code(), unit.nameZh(), unit.nameEn(), depth, parentCode,
				now.getOrDefault(Measure.OPEN, 0L), now.getOrDefault(Measure.OVERDUE, 0L),
				now.getOrDefault(Measure.SUPERVISED, 0L), user.scope().covers(unit.path()));
	}

	/**
	 * The unit's learning figures for the month: coverage and check-ins, from the dashboard's own
	 * learning rows. Published like the other figures (city and districts to all staff).
	 */
	@Transactional(readOnly = true)
	public LearningFigures learning(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = published(unitCode, user);
		YearMonth shown = month == null ? thisMonth() : month;
		return learningFigures(unit, shown, learningRows.figures(unit.path(), Fact.key(shown)));
	}

	private static LearningFigures learningFigures(Unit unit, YearMonth month, long[] counts) {
		return new LearningFigures(unit.code(), unit.nameZh(), unit.nameEn(), month, counts[0], counts[1],
				Figures.rate(counts[1], counts[0]), counts[2], counts[3]);
	}

	/**
	 * The plans behind a unit's coverage for the month, most members first, the first {@code limit}
	 * of them ({@link LearningFigures#plans} says how many there are): each plan's members and met in
	 * the unit's subtree, for a link to learning's coverage of that plan over the unit. Only where
	 * the unit lies in the caller's scope, and only the plans the caller may see (learning's own
	 * rule), so every one listed opens; empty otherwise.
	 */
	@Transactional(readOnly = true)
	public List<PlanCoverage> learningPlans(String unitCode, @Nullable YearMonth month, int limit, CurrentUser user) {
		Unit unit = published(unitCode, user);
		if (!user.scope().covers(unit.path())) {
			return List.of();
		}
		YearMonth shown = month == null ? thisMonth() : month;
		List<long[]> rows = learningRows.runningPlans(unit.path(), Fact.key(shown));
		Map<Long, StudyPlan> visible = new HashMap<>();
		coverage.visible(rows.stream().limit(limit).map(row -> row[0]).toList(), user)
			.forEach(plan -> visible.put(plan.id(), plan));
		List<PlanCoverage> plans = new ArrayList<>();
		for (long[] row : rows.stream().limit(limit).toList()) {
			StudyPlan plan = visible.get(row[0]);
			if (plan != null) {
				plans.add(new PlanCoverage(plan.id(), plan.title(), unit.id(), row[1], row[2], Figures.rate(row[2], row[1])));
			}
		}
		return plans;
	}

	/** A unit whose figures the caller may read: the city and the districts for all staff, the rest in scope. */
	private Unit published(String unitCode, CurrentUser user) {
		return PublishedUnits.published(units, unitCode, user);
	}

	private static void staff(CurrentUser user) {
		PublishedUnits.staff(user);
	}

	private static void fill(Map<Measure, Long> counts, Counters.Row row) {
		for (Measure measure : Measure.values()) {
			counts.merge(measure, row.get(measure), Long::sum);
		}
	}

}
