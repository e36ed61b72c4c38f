package org.grassroots.learning.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.grassroots.learning.MemberFact;
import org.jspecify.annotations.Nullable;

/**
 * Turns rows of (member, one check-in day) in account order into one {@link MemberFact} per
 * member, by the rules of coverage: a plan is met by the member's activities in its period,
 * wherever done.
 */
final class MemberRows {

	private final PlanIndex plans;

	private final Consumer<MemberFact> sink;

	private long accountId = -1;

	private @Nullable String unitPath;

	private boolean active;

	private final List<LocalDate> days = new ArrayList<>();

	MemberRows(PlanIndex plans, Consumer<MemberFact> sink) {
		this.plans = plans;
		this.sink = sink;
	}

	void add(long account, @Nullable String path, boolean isActive, @Nullable LocalDate day) {
		if (account != accountId) {
			finish();
			accountId = account;
			unitPath = path;
			active = isActive;
		}
		if (day != null) {
			days.add(day);
		}
	}

	/** Hands on the member collected so far, if any. */
	void finish() {
		if (accountId >= 0) {
			sink.accept(fact());
		}
		accountId = -1;
		days.clear();
	}

	private MemberFact fact() {
		if (!active || unitPath == null) {
			return new MemberFact(accountId, null, List.of(), List.of());
		}
		List<MemberFact.Standing> standings = new ArrayList<>();
		for (PlanIndex.Plan plan : plans.covering(unitPath)) {
			long done = days.stream()
				.filter(day -> !day.isBefore(plan.periodStart()) && !day.isAfter(plan.periodEnd()))
				.count();
			standings.add(new MemberFact.Standing(plan.id(), plan.periodStart(), plan.periodEnd(),
					done >= plan.requiredCount()));
		}
		Map<YearMonth, Integer> months = new TreeMap<>();
		days.forEach(day -> months.merge(YearMonth.from(day), 1, Integer::sum));
		return new MemberFact(accountId, unitPath, standings,
				months.entrySet().stream().map(e -> new MemberFact.MonthCount(e.getKey(), e.getValue())).toList());
	}

}
