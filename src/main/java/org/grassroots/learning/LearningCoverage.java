package org.grassroots.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.learning.internal.CoverageRollup;
import org.grassroots.learning.internal.LearningRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has studied and who has not: a plan's coverage over a unit and its children, and the
 * members still behind, read from the coverage kept per plan and unit (CoverageRollup).
 */
@Service
public class LearningCoverage {

	private final LearningManagement learning;

	private final UnitManagement units;

	private final CoverageRollup rollup;

	private final LearningRepository plans;

	LearningCoverage(LearningManagement learning, UnitManagement units, CoverageRollup rollup, LearningRepository plans) {
		this.plans = plans;
		this.learning = learning;
		this.units = units;
		this.rollup = rollup;
	}

	/**
	 * Coverage of a plan over a unit: members counted where they are now, with everything they did
	 * in the period wherever they were. Without a unit it opens where the caller starts (see
	 * {@code start}); rows and breadcrumb steps outside the caller's scope do not open.
	 */
	@Transactional(readOnly = true)
	public Coverage coverage(long planId, @Nullable Long unitId, CurrentUser user) {
		StudyPlan plan = learning.plan(planId, user);
		Unit unit = viewed(plan, unitId, user);
		String prefix = prefix(plan, unit);
		DataScope scope = user.scope();
		Map<String, Coverage.Row> rows = new LinkedHashMap<>();
		Coverage.Row own = new Coverage.Row(unit.id(), unit.code(), unit.nameZh(), true, 0, 0, true);
		for (Unit child : units.children(unit.id(), DataScope.CITY, 0)) {
			rows.put(child.code(), new Coverage.Row(child.id(), child.code(), child.nameZh(), false, 0, 0,
					scope.covers(child.path())));
		}
		int members = 0;
		int met = 0;
		for (LearningRepository.PathCount count : rollup.read(plan.id(), prefix)) {
			members += count.members();
			met += count.met();
			String rest = count.unitPath().substring(unit.path().length());
			if (rest.isEmpty()) {
				own = add(own, count);
			}
			else {
				String code = rest.substring(0, rest.indexOf('/'));
				Coverage.Row row = rows.get(code);
				if (row != null) {
					rows.put(code, add(row, count));
				}
			}
		}
		List<Coverage.Row> list = new ArrayList<>();
		if (own.members() > 0) {
			list.add(own);
		}
		list.addAll(rows.values());
		List<Coverage.Step> lineage = units.lineage(unit, DataScope.CITY)
			.stream()
			.map(step -> new Coverage.Step(step.id(), step.code(), step.nameZh(), scope.covers(step.path())))
			.toList();
		return new Coverage(plan, new Coverage.Row(unit.id(), unit.code(), unit.nameZh(), false, members, met, true), list,
				lineage);
	}

	/**
	 * Where a caller's view of a plan opens: the plan's own unit when it lies in their scope;
	 * otherwise (staff below the plan's unit) their own unit, or failing that the highest unit of
	 * their scope inside the plan's subtree. A plan they see but with nothing of it in their scope
	 * answers 404.
	 */
	private Unit start(StudyPlan plan, CurrentUser user) {
		DataScope scope = user.scope();
		if (scope.covers(plan.unitPath())) {
			return units.get(plan.unitId(), DataScope.CITY);
		}
		if (user.unitPath().startsWith(plan.unitPath()) && scope.covers(user.unitPath())) {
			return units.get(user.unitId(), DataScope.CITY);
		}
		return java.util.stream.Stream.concat(scope.subtrees().stream(), scope.units().stream())
			.filter(path -> path.startsWith(plan.unitPath()))
			.min(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()))
			.map(path -> units.getByCode(last(path), DataScope.CITY))
			.orElseThrow(() -> new NotFoundException("study plan", plan.id()));
	}

	/** The unit asked for, which must lie in the caller's scope (404 otherwise), or where the caller starts. */
	private Unit viewed(StudyPlan plan, @Nullable Long unitId, CurrentUser user) {
		return unitId == null ? start(plan, user) : units.get(unitId, user.scope());
	}

	/**
	 * Of these plans, the ones the caller may see, so may open their coverage over a unit in their
	 * scope ({@link #coverage}): one query whatever their number.
	 */
	@Transactional(readOnly = true)
	public List<StudyPlan> visible(Collection<Long> planIds, CurrentUser user) {
		return plans.plans(planIds).stream().filter(plan -> plan.visibleTo(user)).toList();
	}

	/** Members of the unit's subtree who have not met the plan's requirement yet, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<MemberStatus> behind(long planId, @Nullable Long unitId, CurrentUser user, int limit) {
		StudyPlan plan = learning.plan(planId, user);
		Unit unit = viewed(plan, unitId, user);
		List<LearningRepository.Behind> rows = rollup.behind(plan, prefix(plan, unit), limit);
		Map<String, String> names = new java.util.HashMap<>();
		List<MemberStatus> statuses = new ArrayList<>();
		for (LearningRepository.Behind row : rows) {
			String name = names.computeIfAbsent(row.unitPath(), path -> unitName(path));
			statuses.add(new MemberStatus(row.accountId(), row.displayName(), row.unitPath(), name, row.done(),
					plan.requiredCount()));
		}
		return statuses;
	}

	private String unitName(String path) {
		return units.getByCode(last(path), DataScope.CITY).nameZh();
	}

	/** The code of the unit a materialized path ends in. */
	private static String last(String path) {
		List<String> codes = java.util.Arrays.stream(path.split("/")).filter(code -> !code.isEmpty()).toList();
		return codes.get(codes.size() - 1);
	}

	/** The deeper of the plan's target and the unit viewed; they must lie on one branch. */
	private static String prefix(StudyPlan plan, Unit unit) {
		if (unit.path().startsWith(plan.unitPath())) {
			return unit.path();
		}
		if (plan.unitPath().startsWith(unit.path())) {
			return plan.unitPath();
		}
		throw DomainException.invalid("learning.error.outside-plan", unit.nameZh());
	}

	private static Coverage.Row add(Coverage.Row row, LearningRepository.PathCount count) {
		return new Coverage.Row(row.unitId(), row.unitCode(), row.unitName(), row.own(), row.members() + count.members(),
				row.met() + count.met(), row.open());
	}

}
