package org.grassroots.shared.jobs;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a job under a ShedLock lease, like {@code @SchedulerLock}, for a caller that needs to know
 * whether it ran (a method returning a value cannot be skipped by the annotation's proxy).
 */
@Component
public class RunOnce {

	private final LockingTaskExecutor executor;

	RunOnce(LockProvider locks) {
		this.executor = new DefaultLockingTaskExecutor(locks);
	}

	/** Runs the job if no other node holds the lock {@code name}; returns whether it ran. */
	public boolean run(String name, Runnable job) {
		return run(name, Duration.parse(JobLocks.LEASE), job);
	}

	/** The same with another lease (at least 30 s, ShedLock's KeepAlive minimum), for tests. */
	boolean run(String name, Duration leaseTime, Runnable job) {
		var lease = new LockConfiguration(Instant.now(), name, leaseTime, Duration.ZERO);
		try {
			return executor.executeWithLock(() -> {
				job.run();
				return true;
			}, lease).wasExecuted();
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

}
