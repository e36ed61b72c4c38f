package org.grassroots.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.grassroots.people.internal.CurrentUserLoader;
import org.grassroots.people.internal.TokenRepository;
import org.grassroots.people.internal.TokenTouches;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal access tokens for the API: issued once, kept as a hash, listed and revoked by their owner. */
@Service
public class AccessTokens {

	private final TokenRepository tokens;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TokenTouches touches;

	private final SecureRandom random = new SecureRandom();

	private final CurrentUserLoader users;

	private final CryptoSuite suite;

	AccessTokens(TokenRepository tokens, ApplicationEventPublisher events, Clock clock, TokenTouches touches,
			CurrentUserLoader users, CryptoSuite suite) {
		this.suite = suite;
		this.users = users;
		this.touches = touches;
		this.tokens = tokens;
		this.events = events;
		this.clock = clock;
	}

	/** Issues a token to a person who has just proved their password. */
	@Transactional
	public IssuedToken issue(CurrentUser owner, String name) {
		if (owner.mustChangePassword()) {
			throw DomainException.forbidden("people.error.change-password-first");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = "grt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String label = name.isBlank() ? "api" : name.trim();
		long id = tokens.insert(owner.accountId(), label.length() > 100 ? label.substring(0, 100) : label, suite.hash(token),
				clock.instant());
		events.publishEvent(new TokenChanged("TOKEN_ISSUED", owner.getUsername(), owner.unitPath(),
				tokens.find(id, owner.accountId()).orElseThrow()));
		return new IssuedToken(id, label, token);
	}

	@Transactional(readOnly = true)
	public List<AccessToken> list(CurrentUser owner) {
		return tokens.list(owner.accountId());
	}

	@Transactional
	public void revoke(long id, CurrentUser owner) {
		if (!tokens.revoke(id, owner.accountId(), clock.instant())) {
			throw new NotFoundException("token", id);
		}
		events.publishEvent(new TokenChanged("TOKEN_REVOKED", owner.getUsername(), owner.unitPath(),
				tokens.find(id, owner.accountId()).orElseThrow()));
	}

	/**
	 * The person a presented token belongs to, when it is live, with roles and scope: one statement,
	 * no transaction of its own; the token's last use is written later in a batch.
	 */
	public Optional<CurrentUser> personOf(String token) {
		for (String hash : suite.hashesOf(token)) {
			Optional<CurrentUser> person = users.loadByTokenHash(hash);
			if (person.isPresent()) {
				touches.touch(hash);
				return person;
			}
		}
		return Optional.empty();
	}

}
