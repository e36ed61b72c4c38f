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
		unitAndAncestors(memberPath).forEach(path -> found.addAll(byUnitPath.getOrDefault(path, List.of())));
		found.sort(Comparator.comparingLong(Plan::id));
		return found;
	}

	/** The paths of a unit and of each of its ancestors, the city's first. */
	static List<String> unitAndAncestors(String unitPath) {
		List<String> paths = new ArrayList<>();
		int slash = unitPath.indexOf('/', 1);
		while (slash > 0) {
			paths.add(unitPath.substring(0, slash + 1));
			slash = unitPath.indexOf('/', slash + 1);
		}
		return paths;
	}

}
