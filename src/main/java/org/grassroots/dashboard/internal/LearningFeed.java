package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.learning.LearningChanged;
import org.grassroots.learning.LearningFacts;
import org.grassroots.learning.MemberFact;
import org.grassroots.units.UnitMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the learning figures: members learning marked changed (a check-in, an account opened,
 * changed or moved), taken in batches by {@link FigureDrains}, and from events after their
 * commands commit (event publication registry) every member under a plan created or a unit
 * moved. Each refreshes the members concerned from learning's public {@link LearningFacts} and
 * applies the difference to what they last added, so applying a member twice adds nothing.
 */
@Component
public class LearningFeed {

	/** Members one statement reads or locks at most. */
	private static final int BATCH = 100;

	private final LearningFacts learning;

	private final LearningStore store;

	LearningFeed(LearningFacts learning, LearningStore store) {
		this.learning = learning;
		this.store = store;
	}

	@ApplicationModuleListener
	void on(LearningChanged changed) {
		if ("STUDY_PLAN".equals(changed.subjectType())) {
			syncUnder(changed.unitPath());
		}
	}

	@ApplicationModuleListener
	void on(UnitMoved moved) {
		syncUnder(moved.after().path());
	}

	private void syncUnder(String unitPath) {
		List<Long> accounts = learning.accountsUnder(unitPath);
		for (int from = 0; from < accounts.size(); from += BATCH) {
			syncAll(accounts.subList(from, Math.min(accounts.size(), from + BATCH)));
		}
	}

	/**
	 * Members again, in the caller's transaction: lock what they added (members' rows in account
	 * order, then the rolled-up rows in key order, one lock order for every writer), read what they
	 * add now, apply the difference of all of them at once.
	 */
	void syncAll(List<Long> accountIds) {
		Map<Long, LearningFact> before = store.lockAll(accountIds);
		Map<Long, MemberFact> now = learning.findAll(before.keySet());
		Map<Long, MemberFact.Standing> plans = new TreeMap<>();
		LearningDelta delta = new LearningDelta();
		List<LearningFact> changed = new ArrayList<>();
		before.forEach((accountId, was) -> {
			MemberFact member = now.getOrDefault(accountId, new MemberFact(accountId, null, List.of(), List.of()));
			member.plans().forEach(plan -> plans.put(plan.planId(), plan));
			LearningFact after = LearningFact.of(member);
			if (!after.equals(was)) {
				was.addTo(delta, -1);
				after.addTo(delta, 1);
				changed.add(after);
			}
		});
		store.plans(plans.values());
		store.apply(delta);
		store.replaceAll(changed);
	}

	/** Everything again from scratch, in the caller's transaction: members written in batches, sums at the end. */
	public long rebuild() {
		store.deleteAll();
		LearningDelta sums = new LearningDelta();
		List<LearningFact> batch = new ArrayList<>();
		long[] seen = { 0 };
		Map<Long, MemberFact.Standing> plans = new LinkedHashMap<>();
		learning.forEach(member -> {
			LearningFact fact = LearningFact.of(member);
			member.plans().forEach(plan -> plans.putIfAbsent(plan.planId(), plan));
			fact.addTo(sums, 1);
			batch.add(fact);
			seen[0]++;
			if (batch.size() == 500) {
				store.insertAll(batch);
				batch.clear();
			}
		});
		store.insertAll(batch);
		// each plan's period once, not once per member under it
		store.plans(List.copyOf(plans.values()));
		store.insertSums(sums);
		return seen[0];
	}

}
