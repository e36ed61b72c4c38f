package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.learning.CheckedIn;
import org.grassroots.learning.LearningChanged;
import org.grassroots.learning.LearningFacts;
import org.grassroots.learning.MemberFact;
import org.grassroots.people.AccountChanged;
import org.grassroots.people.AccountCreated;
import org.grassroots.units.UnitMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the learning figures from events, after their commands commit (event publication
 * registry): a member's check-in, an account opened, changed or moved, a plan created, a unit
 * moved. Each refreshes the members concerned from learning's public {@link LearningFacts} and
 * applies the difference to what they last added, so a repeated delivery adds nothing. A single
 * member's deliveries are applied in batches ({@link GroupCommit}): under a stream of check-ins the
 * district's and the city's rows are written once per batch, not once per check-in.
 */
@Component
public class LearningFeed {

	/** Members one statement reads or locks at most. */
	private static final int BATCH = 100;

	private final LearningFacts learning;

	private final LearningStore store;

	private final GroupCommit<Long> members;

	LearningFeed(LearningFacts learning, LearningStore store, PlatformTransactionManager transactions) {
		this.learning = learning;
		this.store = store;
		this.members = new GroupCommit<>(new TransactionTemplate(transactions), this::syncAll, BATCH);
	}

	// no transaction of its own: the batch that applies it has one, and a waiting delivery holds no connection
	@Async
	@TransactionalEventListener
	void on(CheckedIn checkedIn) {
		members.apply(checkedIn.accountId());
	}

	@Async
	@TransactionalEventListener
	void on(AccountCreated created) {
		members.apply(created.account().id());
	}

	@Async
	@TransactionalEventListener
	void on(AccountChanged changed) {
		members.apply(changed.after().id());
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
