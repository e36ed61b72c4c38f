package org.grassroots.people.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.grassroots.people.AccountChanged;
import org.grassroots.people.SignInAttempted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins: the fifth in a row locks the account for 15 minutes. */
@Component
public class SignInAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInAttempts(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String channel, boolean alreadyLocked) {
		var row = accounts.findByUsername(username);
		events.publishEvent(new SignInAttempted(username, row.map(r -> r.account().unitPath()).orElse(null), false, channel));
		if (row.isEmpty() || alreadyLocked) {
			return;
		}
		int failures = accounts.countFailure(row.get().account().id());
		if (failures < MAX_FAILURES) {
			return;
		}
		Instant until = clock.instant().plus(LOCKOUT);
		accounts.recordFailure(row.get().account().id(), 0, until);
		events.publishEvent(new AccountChanged("ACCOUNT_LOCKED", row.get().account(),
				accounts.findById(row.get().account().id()).orElseThrow().account()));
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String channel) {
		accounts.findByUsername(username).ifPresent(row -> {
			accounts.resetFailures(row.account().id());
			events.publishEvent(new SignInAttempted(username, row.account().unitPath(), true, channel));
		});
	}

}
