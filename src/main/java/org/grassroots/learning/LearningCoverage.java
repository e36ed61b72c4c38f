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
	 * Coverage of a plan over a unit (the plan's own unit by default): members counted where they
	 * are now, with everything they did in the period wherever they were.
	 */
	@Transactional(readOnly = true)
	public Coverage coverage(long planId, @Nullable Long unitId, CurrentUser user) {
		StudyPlan plan = learning.plan(planId, user);
		Unit unit = units.get(unitId == null ? plan.unitId() : unitId, user.scope());
		String prefix = prefix(plan, unit);
		Map<String, Coverage.Row> rows = new LinkedHashMap<>();
		Coverage.Row own = new Coverage.Row(unit.id(), unit.code(), unit.nameZh(), true, 0, 0);
		for (Unit child : units.children(unit.id(), DataScope.CITY, 0)) {
			rows.put(child.code(), new Coverage.Row(child.id(), child.code(), child.nameZh(), false, 0, 0));
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
		return new Coverage(plan, new Coverage.Row(unit.id(), unit.code(), unit.nameZh(), false, members, met), list);
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
		Unit unit = units.get(unitId == null ? plan.unitId() : unitId, user.scope());
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
		List<String> codes = java.util.Arrays.stream(path.split("/")).filter(code -> !code.isEmpty()).toList();
		return units.getByCode(codes.get(codes.size() - 1), DataScope.CITY).nameZh();
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
				row.met() + count.met());
	}

}
