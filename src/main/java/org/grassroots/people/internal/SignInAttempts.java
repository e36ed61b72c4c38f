package org.grassroots.people.internal;

import java.time.Clock;
import java.time.Instant;

import org.grassroots.people.AccountChanged;
import org.grassroots.people.SignInAttempted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records sign-in attempts: each in the audit log, failures in a row on the account for the
 * administrators to see, and the lock that the throttle asks for when guesses for one account
 * come from everywhere. Each in its own transaction, so failures are kept.
 */
@Component
public class SignInAttempts {

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInAttempts(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String channel) {
		var row = accounts.findByUsername(username);
		events.publishEvent(new SignInAttempted(username, row.map(r -> r.account().unitPath()).orElse(null), false, channel));
		row.ifPresent(found -> accounts.countFailure(found.account().id()));
	}

	/**
	 * A refused attempt, audited as a failure; when the account-wide limit refused it, the account
	 * is marked locked until the throttle lets it try again, once.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void throttled(String username, String channel, SignInThrottle.Refusal refusal) {
		var row = accounts.findByUsername(username);
		events.publishEvent(new SignInAttempted(username, row.map(r -> r.account().unitPath()).orElse(null), false, channel));
		if (row.isEmpty() || !refusal.accountWide() || row.get().account().lockedAt(clock.instant())) {
			return;
		}
		var account = row.get().account();
		accounts.recordFailure(account.id(), row.get().failedAttempts(), clock.instant().plus(refusal.retryAfter()));
		events.publishEvent(new AccountChanged("ACCOUNT_LOCKED", account, accounts.findById(account.id()).orElseThrow().account()));
	}

	@Transactional(readOnly = true)
	public boolean lockedNow(long accountId, Instant now) {
		return accounts.findById(accountId).map(row -> row.account().lockedAt(now)).orElse(true);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String channel) {
		accounts.findByUsername(username).ifPresent(row -> {
			accounts.resetFailures(row.account().id());
			events.publishEvent(new SignInAttempted(username, row.account().unitPath(), true, channel));
		});
	}

}
