package org.grassroots.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * The run-once jobs' ShedLock leases on the real database: a lease its node left behind is taken
 * once it runs out (and the log says so), and a job that runs longer than its lease keeps it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class JobLeasesIntegrationTests {

	@Autowired
	RunOnce runOnce;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aLeaseLeftByADeadNodeIsTakenOnceItRunsOutAndTheTakeoverIsLogged(CapturedOutput output) {
		String name = "test-dead-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values (:name, timestamp '2999-01-01 00:00:00', timestamp '2000-01-01 00:00:00', 'dead-node:41')
				""").param("name", name).update();
		AtomicBoolean ran = new AtomicBoolean();

		assertThat(runOnce.run(name, () -> ran.set(true))).as("the lease has not run out").isFalse();
		assertThat(ran).isFalse();

		jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01 00:01:00' where name = :name")
			.param("name", name).update();
		assertThat(runOnce.run(name, () -> ran.set(true))).isTrue();
		assertThat(ran).isTrue();
		assertThat(output.getOut()).contains("Job lock " + name + " taken over by " + JobNode.name())
			.contains("its last holder dead-node:41 never released it");
		assertThat(holder(name)).isEqualTo(JobNode.name() + TakeoverLog.RELEASED);

		// a lease this node released is no takeover
		assertThat(runOnce.run(name, () -> { })).isTrue();
		assertThat(output.getOut().split("Job lock " + name + " taken over", -1)).hasSize(2);
	}

	@Test
	void aJobThatRunsLongerThanHalfItsLeaseHasItRenewedAndKeepsOtherNodesOut() throws Exception {
		String name = "test-long-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicReference<Timestamp> first = new AtomicReference<>();
		AtomicReference<Timestamp> renewed = new AtomicReference<>();
		AtomicReference<Boolean> otherRan = new AtomicReference<>();
		boolean ran = runOnce.run(name, Duration.ofSeconds(30), () -> {
			first.set(lockUntil(name));
			Instant end = Instant.now().plusSeconds(40);
			while (renewed.get() == null && Instant.now().isBefore(end)) {
				Timestamp now = lockUntil(name);
				if (now.after(first.get())) {
					renewed.set(now);
				}
				pause();
			}
			// another node (here another thread, which asks the database) finds the job taken
			otherRan.set(CompletableFuture.supplyAsync(() -> runOnce.run(name, () -> { })).join());
		});

		assertThat(ran).isTrue();
		assertThat(renewed.get()).as("the lease was renewed while the job ran").isNotNull();
		assertThat(Duration.between(first.get().toInstant(), renewed.get().toInstant()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(otherRan.get()).isFalse();
		assertThat(holder(name)).isEqualTo(JobNode.name() + TakeoverLog.RELEASED);
	}

	@Test
	void scheduledJobsRunOnTheSchedulersThreadsNotOnTheOneThatRenewsLeases() {
		// a ScheduledExecutorService bean would replace Boot's scheduler for every @Scheduled job,
		// and a job running on the renewal thread would block its own lease's renewal
		assertThat(context.getBeanNamesForType(ScheduledExecutorService.class)).isEmpty();
		assertThat(context.getBeansOfType(TaskScheduler.class)).isNotEmpty();
	}

	private Timestamp lockUntil(String name) {
		return jdbc.sql("select lock_until from shedlock where name = :name").param("name", name)
			.query(Timestamp.class).single();
	}

	private String holder(String name) {
		return jdbc.sql("select locked_by from shedlock where name = :name").param("name", name)
			.query(String.class).single();
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
