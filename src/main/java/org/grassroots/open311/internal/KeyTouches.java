package org.grassroots.open311.internal;

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
 * When each Open311 key was last used, written in batches every few seconds as tokens' are
 * ({@code people.internal.TokenTouches}): an UPDATE of the key's row inside every request made all
 * requests of one key wait for each other on that row. A key's time is behind by at most the
 * flush interval (5 s) plus a minute, and is lost for the last 5 s if a node is killed.
 */
@Component
public class KeyTouches {

	private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	KeyTouches(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Notes a use of the key. */
	public void touch(long keyId) {
		pending.put(keyId, clock.instant());
	}

	@Scheduled(fixedDelayString = "PT5S")
	@PreDestroy
	void flush() {
		List<Object[]> batch = new ArrayList<>();
		for (Long id : List.copyOf(pending.keySet())) {
			Instant at = pending.remove(id);
			if (at != null) {
				batch.add(new Object[] { Times.utc(at), id, Times.utc(at.minusSeconds(60)) });
			}
		}
		if (!batch.isEmpty()) {
			jdbc.batchUpdate("""
					update open311_key set last_used_at = ?
					where id = ? and (last_used_at is null or last_used_at < ?)
					""", batch);
		}
	}

}
