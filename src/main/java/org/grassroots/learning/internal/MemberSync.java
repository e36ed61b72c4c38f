package org.grassroots.learning.internal;

import java.util.Optional;

import org.grassroots.people.Account;
import org.grassroots.people.AccountChanged;
import org.grassroots.people.AccountCreated;
import org.grassroots.shared.Role;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the learning module's copy of party members in step with people's accounts, in the same
 * transaction, so coverage is one query over this module's own tables.
 */
@Component
class MemberSync {

	private final LearningRepository learning;

	private final CoverageRollup rollup;

	MemberSync(LearningRepository learning, CoverageRollup rollup) {
		this.learning = learning;
		this.rollup = rollup;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountCreated created) {
		save(created.account());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountChanged changed) {
		save(changed.after());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		learning.rewritePaths(moved.before().path(), moved.after().path());
		rollup.unitMoved(moved.before().path(), moved.after().path());
	}

	private void save(Account account) {
		boolean member = account.roles().stream().anyMatch(grant -> grant.role() == Role.PARTY_MEMBER);
		Optional<LearningRepository.Member> before = learning.member(account.id());
		if (!member && before.isEmpty()) {
			return;
		}
		var after = new LearningRepository.Member(account.id(), account.username(), account.displayName(), account.unitId(),
				account.unitPath(), member && account.enabled());
		learning.saveMember(after);
		boolean moved = before.isPresent() && !before.get().unitPath().equals(after.unitPath());
		if (before.isPresent() && (!after.active() || moved)) {
			rollup.left(before.get());
		}
		if (after.active() && (before.isEmpty() || moved)) {
			rollup.joined(after);
		}
	}

}
