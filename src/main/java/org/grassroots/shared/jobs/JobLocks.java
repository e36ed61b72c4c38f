package org.grassroots.shared.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/**
 * ShedLock on the database (table shedlock, docs/operations.md): a method marked
 * {@code @SchedulerLock} runs on one node at a time; on the others the call returns at once.
 * Times come from the database, so the nodes' clocks do not matter. A lease is short (a minute)
 * and renewed every half lease while the job runs, so a job outlives its lease only while its node
 * lives: when the node dies, another takes the job within about a minute.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = JobLocks.LEASE)
class JobLocks {

	/** How long a lease lasts unless renewed; every run-once job uses it. */
	static final String LEASE = "PT1M";

	/**
	 * The thread that renews leases. Not a ScheduledExecutorService bean: Spring would take that for
	 * the scheduler of every {@code @Scheduled} job, and a job would then block its own renewal.
	 */
	static final class LeaseRenewals implements DisposableBean {

		final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "job-lease-renewals");
			thread.setDaemon(true);
			return thread;
		});

		@Override
		public void destroy() {
			executor.shutdownNow();
		}

	}

	@Bean
	LeaseRenewals jobLeaseRenewals() {
		return new LeaseRenewals();
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, LeaseRenewals renewals) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String node = JobNode.name();
		var leases = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withLockedByValue(node)
			.usingDbTime()
			.build());
		return new TakeoverLog(new KeepAliveLockProvider(leases, renewals.executor), jdbc, node);
	}

}
