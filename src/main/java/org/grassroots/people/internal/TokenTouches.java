package org.grassroots.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.shared.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * When each token was last used, written in batches every few seconds instead of one UPDATE per
 * API call: at the morning check-in peak every member's first call would otherwise write. A
 * token's time is still written at most once a minute.
 */
@Component
public class TokenTouches {

	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TokenTouches(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Notes a use of the token with this hash. */
	public void touch(String tokenHash) {
		pending.put(tokenHash, clock.instant());
	}

	@Scheduled(fixedDelayString = "PT5S")
	@PreDestroy
	void flush() {
		List<Object[]> batch = new ArrayList<>();
		for (String hash : List.copyOf(pending.keySet())) {
			Instant at = pending.remove(hash);
			if (at != null) {
				batch.add(new Object[] { Times.utc(at), hash, Times.utc(at.minusSeconds(60)) });
			}
		}
		if (!batch.isEmpty()) {
			jdbc.batchUpdate("""
					update access_token set last_used_at = ?
					where token_hash = ? and (last_used_at is null or last_used_at < ?)
					""", batch);
		}
	}

}
