package org.grassroots.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waiting for what the dashboard applies after commit: the events it hears (event publication
 * registry) and the members and problems marked changed ({@code learning_changed}, {@code problem_changed}).
 */
public final class Events {

	private Events() {
	}

	/** Waits until every event publication has been delivered, at most 30 s. */
	public static void settle(JdbcClient jdbc) {
		settleFrom(jdbc, java.time.Instant.EPOCH);
	}

	/**
	 * Waits until every event publication made since {@code since} has been delivered and no member
	 * or problem is left marked changed, at most 30 s: for a test that counts what its own work caused,
	 * whatever earlier tests left failing.
	 */
	public static void settleFrom(JdbcClient jdbc, java.time.Instant since) {
		long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (jdbc.sql("""
				select (select count(*) from event_publication where completion_date is null and publication_date >= :since)
				     + (select count(*) from learning_changed) + (select count(*) from problem_changed)
				""")
			.param("since", java.sql.Timestamp.from(since))
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() > end) {
				throw new AssertionError("events not delivered in 30 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
