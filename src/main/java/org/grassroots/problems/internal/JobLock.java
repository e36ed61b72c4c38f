package org.grassroots.problems.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.grassroots.shared.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lease in the database so that a scheduled job runs on one node at a time: a node takes the
 * lock when it is free or its lease has run out.
 */
@Component
public class JobLock {

	private final String node = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	JobLock(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** Runs the job if this node gets the lease; returns whether it ran. */
	public boolean runExclusively(String name, Duration lease, Runnable job) {
		if (!acquire(name, lease)) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			release(name);
		}
	}

	boolean acquire(String name, Duration lease) {
		var now = Times.utc(clock.instant());
		var until = Times.utc(clock.instant().plus(lease));
		Boolean taken = transactions.execute(status -> jdbc.sql("""
				update job_lock set locked_until = :until, locked_by = :node where name = :name and locked_until < :now
				""").param("until", until).param("node", node).param("name", name).param("now", now).update() == 1);
		if (Boolean.TRUE.equals(taken)) {
			return true;
		}
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
					"insert into job_lock (name, locked_until, locked_by) values (:name, :until, :node)")
				.param("name", name).param("until", until).param("node", node).update() == 1));
		}
		catch (DuplicateKeyException held) {
			return false;
		}
	}

	private void release(String name) {
		transactions.executeWithoutResult(status -> jdbc.sql(
				"update job_lock set locked_until = :now where name = :name and locked_by = :node")
			.param("now", Times.utc(clock.instant())).param("name", name).param("node", node).update());
	}

}
