package org.grassroots.dashboard.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.grassroots.learning.MemberFact;

/**
 * What one member adds to the learning figures, kept per member so that a new event adds only the
 * difference: the unit where the member is now ({@code ""} when not a member), the plans covering
 * it with whether met, and activities per month (yyyymm). Everything counts where the member is now.
 */
public record LearningFact(long accountId, String unitPath, Map<Long, Boolean> plans, Map<Integer, Integer> months) {

	public static LearningFact none(long accountId) {
		return new LearningFact(accountId, "", Map.of(), Map.of());
	}

	public static LearningFact of(MemberFact member) {
		if (member.unitPath() == null) {
			return none(member.accountId());
		}
		Map<Long, Boolean> plans = new TreeMap<>();
		member.plans().forEach(plan -> plans.put(plan.planId(), plan.met()));
		Map<Integer, Integer> months = new TreeMap<>();
		member.checkIns().forEach(month -> months.merge(Fact.key(month.month()), month.count(), Integer::sum));
		return new LearningFact(member.accountId(), member.unitPath(), plans, months);
	}

	/** Adds this fact, times the sign, to the deltas at the member's unit and every ancestor. */
	public void addTo(LearningDelta delta, int sign) {
		if (unitPath.isEmpty()) {
			return;
		}
		for (String path : Fact.lineage(unitPath)) {
			plans.forEach((plan, met) -> delta.cover(path, plan, sign, met ? sign : 0));
			months.forEach((month, count) -> delta.month(path, month, sign * count));
		}
	}

	String plansText() {
		return plans.entrySet().stream().map(e -> e.getKey() + ":" + (e.getValue() ? 1 : 0)).collect(Collectors.joining(","));
	}

	String monthsText() {
		return months.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
	}

	static LearningFact parse(long accountId, String unitPath, String plans, String months) {
		Map<Long, Boolean> planMap = new TreeMap<>();
		pairs(plans).forEach(pair -> planMap.put(Long.parseLong(pair[0]), "1".equals(pair[1])));
		Map<Integer, Integer> monthMap = new TreeMap<>();
		pairs(months).forEach(pair -> monthMap.put(Integer.parseInt(pair[0]), Integer.parseInt(pair[1])));
		return new LearningFact(accountId, unitPath, planMap, monthMap);
	}

	private static java.util.stream.Stream<String[]> pairs(String text) {
		return Arrays.stream(text.split(",")).filter(pair -> !pair.isEmpty()).map(pair -> pair.split(":"));
	}

}
