package org.grassroots.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.shared.Database;
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

	private final Database database;

	TokenTouches(JdbcTemplate jdbc, Clock clock, Database database) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.database = database;
	}

	/** Notes a use of the token with this hash. */
	public void touch(String tokenHash) {
		pending.put(tokenHash, clock.instant());
	}

	/** Writes the uses noted so far: every 5 s, and when the node stops. */
	@Scheduled(fixedDelayString = "PT5S")
	@PreDestroy
	public void flush() {
		List<String> hashes = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		for (String hash : List.copyOf(pending.keySet())) {
			Instant at = pending.remove(hash);
			if (at != null) {
				hashes.add(hash);
				times.add(at);
			}
		}
		if (hashes.isEmpty()) {
			return;
		}
		if (database.postgres()) {
			writeInOneStatement(hashes, times);
		}
		else {
			writeAsBatch(hashes, times);
		}
	}

	/** PostgreSQL: one statement for the whole batch, where a JDBC batch is still a statement per token. */
	private void writeInOneStatement(List<String> hashes, List<Instant> times) {
		jdbc.update("""
				update access_token t set last_used_at = v.at
				from (select unnest(cast(? as text[])) as hash, cast(unnest(cast(? as text[])) as timestamptz) as at) v
				where t.token_hash = v.hash and (t.last_used_at is null or t.last_used_at < v.at - interval '60 seconds')
				""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("text", hashes.toArray()));
			ps.setArray(2, ps.getConnection().createArrayOf("text", times.stream().map(Instant::toString).toArray()));
		});
	}

	/** H2: a JDBC batch (it has no UPDATE … FROM). */
	private void writeAsBatch(List<String> hashes, List<Instant> times) {
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < hashes.size(); i++) {
			Instant at = times.get(i);
			batch.add(new Object[] { Times.utc(at), hashes.get(i), Times.utc(at.minusSeconds(60)) });
		}
		jdbc.batchUpdate("""
				update access_token set last_used_at = ?
				where token_hash = ? and (last_used_at is null or last_used_at < ?)
				""", batch);
	}

}
