package org.grassroots.learning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Study plans by their unit's path, for finding the plans covering a member's unit in memory. */
final class PlanIndex {

	record Plan(long id, String unitPath, LocalDate periodStart, LocalDate periodEnd, int requiredCount) {

	}

	private final Map<String, List<Plan>> byUnitPath = new HashMap<>();

	PlanIndex(List<Plan> plans) {
		plans.forEach(plan -> byUnitPath.computeIfAbsent(plan.unitPath(), path -> new ArrayList<>()).add(plan));
	}

	/** The plans whose unit is the member's unit or one of its ancestors, by id (as the per-member query orders them). */
	List<Plan> covering(String memberPath) {
		List<Plan> found = new ArrayList<>();
		int slash = memberPath.indexOf('/', 1);
		while (slash > 0) {
			found.addAll(byUnitPath.getOrDefault(memberPath.substring(0, slash + 1), List.of()));
			slash = memberPath.indexOf('/', slash + 1);
		}
		found.sort(Comparator.comparingLong(Plan::id));
		return found;
	}

}
