package org.grassroots.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery that fails stays in the event publication registry, marked failed, and the retry job
 * delivers it again while the app runs: no restart needed.
 */
@IntegrationTest
class EventRetriesIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventRetries retries;

	@Autowired
	FlakyListener listener;

	@Test
	void aFailedDeliveryIsDeliveredAgainByTheRetryJob() {
		String key = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> events.publishEvent(new Flaky(key)));
		await(() -> listener.attempts(key) == 1 && status(key).equals("FAILED"), "the first delivery fails");

		retries.retry();

		await(() -> listener.delivered(key), "the retry delivers it");
		await(() -> status(key).equals("gone"), "the delivered publication leaves the registry");
		assertThat(listener.attempts(key)).isEqualTo(2);
	}

	/**
	 * An outage leaves a publication neither delivered nor failed: the listener's transaction could
	 * not start and its failure could not be recorded. Made so here: a failed one set back to
	 * PROCESSING and two minutes old, as the database left it.
	 */
	@Test
	void aPublicationLeftInProgressIsDeliveredByTheJobOnceOlderThanAMinute() {
		String key = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> events.publishEvent(new Flaky(key)));
		await(() -> listener.attempts(key) == 1 && status(key).equals("FAILED"), "the first delivery fails");
		jdbc.sql("update event_publication set status = 'PROCESSING', publication_date = :at, last_resubmission_date = null "
				+ "where serialized_event like :key")
			.param("at", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(120)))
			.param("key", "%" + key + "%")
			.update();

		retries.retry();

		await(() -> listener.delivered(key), "the job delivers the publication left in progress");
		await(() -> status(key).equals("gone"), "the delivered publication leaves the registry");
		assertThat(listener.attempts(key)).isEqualTo(2);
	}

	@Test
	void aPublicationInProgressForLessThanAMinuteIsLeftAlone() {
		String key = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> events.publishEvent(new Flaky(key)));
		await(() -> listener.attempts(key) == 1 && status(key).equals("FAILED"), "the first delivery fails");
		jdbc.sql("update event_publication set status = 'PROCESSING' where serialized_event like :key")
			.param("key", "%" + key + "%")
			.update();

		retries.retry();
		pause(Duration.ofSeconds(1)); // a resubmitted delivery runs asynchronously: give it the time to show

		assertThat(status(key)).isEqualTo("PROCESSING");
		assertThat(listener.attempts(key)).isEqualTo(1);
		// left in the registry, it would hold up every later test that waits for all deliveries
		// (support/Events.settle) until the job takes it a minute or two later
		jdbc.sql("delete from event_publication where serialized_event like :key").param("key", "%" + key + "%").update();
	}

	private String status(String key) {
		return jdbc.sql("select status from event_publication where serialized_event like :key")
			.param("key", "%" + key + "%")
			.query(String.class)
			.optional()
			.orElse("gone");
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(BooleanSupplier condition, String what) {
		long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("not within 20 s: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

}
