package org.grassroots.people.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.grassroots.people.AccountChanged;
import org.grassroots.people.TokenChanged;
import org.grassroots.shared.CurrentUser;
import org.grassroots.units.UnitMoved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The person behind a bearer token, kept for a few seconds so an API client's burst of calls does
 * not load the token, account and roles five statements at a time. Any change to an account, a
 * token or the unit tree on this node empties it once committed; another node's change is seen
 * when the entry expires (grassroots.api.token-cache, default PT5S; PT0S turns it off).
 */
@Component
class TokenUserCache {

	private static final int MAX_ENTRIES = 50_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	TokenUserCache(@Value("${grassroots.api.token-cache:PT5S}") Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	private record Entry(CurrentUser user, long expiresAt) {

	}

	/** The cached person for a token, or the loader's answer (cached only when found). */
	Optional<CurrentUser> get(String token, Supplier<Optional<CurrentUser>> loader) {
		long now = System.nanoTime();
		Entry entry = entries.get(token);
		if (entry != null && now - entry.expiresAt() < 0) {
			return Optional.of(entry.user());
		}
		Optional<CurrentUser> loaded = loader.get();
		if (ttlNanos > 0) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			loaded.ifPresentOrElse(user -> entries.put(token, new Entry(user, now + ttlNanos)), () -> entries.remove(token));
		}
		return loaded;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountChanged changed) {
		entries.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TokenChanged changed) {
		entries.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UnitMoved moved) {
		entries.clear();
	}

}
