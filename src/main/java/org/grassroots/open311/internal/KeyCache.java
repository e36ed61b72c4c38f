package org.grassroots.open311.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.grassroots.open311.ApiKey;
import org.grassroots.open311.KeyChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The active Open311 keys by hash, kept for a few seconds as bearer tokens are
 * ({@code people.internal.TokenUserCache}), so that a client's steady stream of requests does not
 * read its key each time. A key revoked on this node is forgotten once the revocation commits; on
 * another node it keeps working until its entry expires (grassroots.open311.key-cache, default
 * PT5S, the same bound as tokens'; PT0S turns it off). Unknown secrets are never kept.
 */
@Component
public class KeyCache {

	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	KeyCache(@Value("${grassroots.open311.key-cache:PT5S}") Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	private record Entry(ApiKey key, long expiresAt) {

	}

	/** The cached active key with this hash, or the loader's answer (cached only when found). */
	public Optional<ApiKey> get(String hash, Supplier<Optional<ApiKey>> loader) {
		long now = System.nanoTime();
		Entry entry = entries.get(hash);
		if (entry != null && now - entry.expiresAt() < 0) {
			return Optional.of(entry.key());
		}
		Optional<ApiKey> loaded = loader.get();
		if (ttlNanos > 0) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			loaded.ifPresentOrElse(key -> entries.put(hash, new Entry(key, now + ttlNanos)), () -> entries.remove(hash));
		}
		return loaded;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(KeyChanged changed) {
		entries.clear();
	}

}
