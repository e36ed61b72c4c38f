package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.learning.CheckedIn;
import org.grassroots.learning.LearningChanged;
import org.grassroots.learning.LearningFacts;
import org.grassroots.learning.MemberFact;
import org.grassroots.people.AccountChanged;
import org.grassroots.people.AccountCreated;
import org.grassroots.units.UnitMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the learning figures from events, after their commands commit (event publication
 * registry): a member's check-in, an account opened, changed or moved, a plan created, a unit
 * moved. Each refreshes the members concerned from learning's public {@link LearningFacts} and
 * applies the difference to what they last added, so a repeated delivery adds nothing.
 */
@Component
public class LearningFeed {

	private final LearningFacts learning;

	private final LearningStore store;

	LearningFeed(LearningFacts learning, LearningStore store) {
		this.learning = learning;
		this.store = store;
	}

	@ApplicationModuleListener
	void on(CheckedIn checkedIn) {
		sync(checkedIn.accountId());
	}

	@ApplicationModuleListener
	void on(AccountCreated created) {
		sync(created.account().id());
	}

	@ApplicationModuleListener
	void on(AccountChanged changed) {
		sync(changed.after().id());
	}

	@ApplicationModuleListener
	void on(LearningChanged changed) {
		if ("STUDY_PLAN".equals(changed.subjectType())) {
			learning.accountsUnder(changed.unitPath()).forEach(this::sync);
		}
	}

	@ApplicationModuleListener
	void on(UnitMoved moved) {
		learning.accountsUnder(moved.after().path()).forEach(this::sync);
	}

	/** One member again: lock what it added, read what it adds now, apply the difference. */
	@Transactional
	public void sync(long accountId) {
		LearningFact before = store.lock(accountId);
		MemberFact member = learning.find(accountId).orElse(new MemberFact(accountId, null, List.of(), List.of()));
		LearningFact after = LearningFact.of(member);
		store.plans(member.plans());
		if (after.equals(before)) {
			return;
		}
		LearningDelta delta = new LearningDelta();
		before.addTo(delta, -1);
		after.addTo(delta, 1);
		store.apply(delta);
		store.replace(after);
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
