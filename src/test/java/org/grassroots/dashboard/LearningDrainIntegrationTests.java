package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.dashboard.internal.LearningStore;
import org.grassroots.support.Events;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.StatementMeter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The learning figures take the members marked changed in batches: marks made without a wake (as
 * another node's check-ins are) are found by the poll, and up to a hundred members in one transaction
 * of a few statements, not a few statements per member.
 */
@IntegrationTest
class LearningDrainIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LearningStore store;

	@Test
	void marksAreTakenByThePollAndAppliedInOneBatch() {
		Events.settle(jdbc);
		List<String> before = store.snapshot("/");
		long members = jdbc.sql("select count(*) from learning_member").query(Long.class).single();
		assertThat(members).isGreaterThanOrEqualTo(5);
		// every member marked at once, as a burst of check-ins on another node would leave them
		StatementMeter.Reading reading = StatementMeter.measure(
				() -> jdbc.sql("insert into learning_changed (id) select account_id from learning_member").update(),
				() -> Events.settle(jdbc));
		long batches = (members + 99) / 100;
		assertThat(reading.eventCommits()).as(reading.toString()).isEqualTo(batches);
		// per batch: whether any is marked, take and remove the marks, lock, read the facts and plans
		assertThat(reading.eventStatements()).as(reading.toString()).isLessThanOrEqualTo(12 * batches);
		// nothing had changed, so nothing moved
		assertThat(store.snapshot("/")).isEqualTo(before);
	}

}
