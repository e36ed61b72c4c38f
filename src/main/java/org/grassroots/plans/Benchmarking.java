package org.grassroots.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.plans.internal.MeasureRepository;
import org.grassroots.plans.internal.PlanAccess;
import org.grassroots.problems.Category;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmarking (对标): every district's measures on one issue side by side, for every staff member
 * of any district. The one exception to the scope rule (docs/plans.md): the campaign asks districts
 * to compare, so the view shows titles, targets, progress and counts across districts, and nothing
 * else; the measures' own pages stay scoped.
 */
@Service
public class Benchmarking {

	/** Best first: more progress, then on time before on track, late and overdue, then more problems closed. */
	static final Comparator<MeasureLine> BEST_MEASURE = Comparator
		.comparingDouble((MeasureLine line) -> -line.measure().percent())
		.thenComparing(line -> line.measure().timeliness())
		.thenComparingInt(line -> -line.problemsClosed())
		.thenComparing(line -> line.measure().deadline())
		.thenComparingLong(line -> line.measure().id());

	private final MeasureRepository measures;

	private final UnitManagement units;

	private final ProblemViews problems;

	Benchmarking(MeasureRepository measures, UnitManagement units, ProblemViews problems) {
		this.measures = measures;
		this.units = units;
		this.problems = problems;
	}

	@Transactional(readOnly = true)
	public Benchmark benchmark(String categoryCode, CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		if (problems.categories().stream().map(Category::code).noneMatch(categoryCode::equals)) {
			throw DomainException.invalid("plans.error.category-unknown", categoryCode);
		}
		Map<String, List<MeasureLine>> byDistrict = new LinkedHashMap<>();
		measures.onCategory(categoryCode)
			.forEach(line -> byDistrict.computeIfAbsent(line.measure().districtPath(), k -> new ArrayList<>()).add(line));
		Map<String, Unit> districts = units.byCodes(byDistrict.keySet().stream().map(Benchmarking::code).toList());
		Map<Long, Unit> owners = units.byIds(byDistrict.values()
			.stream()
			.flatMap(List::stream)
			.map(line -> line.measure().ownerUnitId())
			.distinct()
			.toList());
		MeasureLine bestOfAll = byDistrict.values().stream().flatMap(List::stream).min(BEST_MEASURE).orElse(null);
		String own = PlanAccess.districtPath(user.unitPath());
		List<Benchmark.District> rows = new ArrayList<>();
		byDistrict.forEach((path, lines) -> {
			lines.sort(BEST_MEASURE);
			Unit district = districts.get(code(path));
			rows.add(district(path, district, lines, owners, bestOfAll, own.equals(path)));
		});
		rows.sort(Comparator.comparingDouble((Benchmark.District row) -> -row.averagePercent())
			.thenComparingInt(row -> -row.onTime())
			.thenComparingInt(row -> -row.problemsClosed())
			.thenComparing(Benchmark.District::districtCode));
		List<Benchmark.District> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Benchmark.District row = rows.get(i);
			ranked.add(new Benchmark.District(i + 1, row.districtCode(), row.nameZh(), row.nameEn(), row.averagePercent(),
					row.onTime(), row.late(), row.overdue(), row.problemsClosed(), row.problemsLinked(), i == 0, row.own(),
					row.measures()));
		}
		return new Benchmark(categoryCode, ranked);
	}

	private static Benchmark.District district(String path, Unit district, List<MeasureLine> lines,
			Map<Long, Unit> owners, MeasureLine bestOfAll, boolean own) {
		List<Benchmark.Line> shown = new ArrayList<>();
		int onTime = 0;
		int late = 0;
		int overdue = 0;
		int closed = 0;
		int linked = 0;
		double percents = 0;
		for (MeasureLine line : lines) {
			WorkMeasure measure = line.measure();
			Unit owner = owners.get(measure.ownerUnitId());
			shown.add(new Benchmark.Line(measure.id(), measure.title(), owner == null ? "" : owner.nameZh(),
					owner == null ? null : owner.nameEn(), measure.targetAmount(), measure.targetUnit(), measure.progress(),
					measure.percent(), measure.deadline(), measure.status(), measure.timeliness(), line.problemsClosed(),
					line.problemsLinked(), line == bestOfAll));
			switch (measure.timeliness()) {
				case ON_TIME -> onTime++;
				case LATE -> late++;
				case OVERDUE -> overdue++;
				case ON_TRACK -> {
				}
			}
			closed += line.problemsClosed();
			linked += line.problemsLinked();
			percents += measure.percent();
		}
		double average = Math.round(percents * 10.0 / lines.size()) / 10.0;
		return new Benchmark.District(0, code(path), district == null ? code(path) : district.nameZh(),
				district == null ? null : district.nameEn(), average, onTime, late, overdue, closed, linked, false, own,
				shown);
	}

	private static String code(String path) {
		String[] codes = path.substring(1).split("/");
		return codes[codes.length - 1];
	}

}
