package org.grassroots.shared.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Says in the log when a node takes a job whose last holder never released it (its node died or
 * hung until the lease ran out), so that an operator sees why a job paused and who resumed it.
 * A released lock is marked by appending {@value #RELEASED} to its holder's name; a lease taken
 * from a holder without the mark was taken over. Each run costs one read and one write more.
 */
final class TakeoverLog implements LockProvider {

	static final String RELEASED = " (released)";

	private static final Logger log = LoggerFactory.getLogger(TakeoverLog.class);

	private final LockProvider leases;

	private final JdbcTemplate jdbc;

	private final String node;

	TakeoverLog(LockProvider leases, JdbcTemplate jdbc, String node) {
		this.leases = leases;
		this.jdbc = jdbc;
		this.node = node;
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration lock) {
		String before = holder(lock.getName());
		Optional<SimpleLock> taken = leases.lock(lock);
		if (taken.isEmpty()) {
			return taken;
		}
		if (before != null && !before.endsWith(RELEASED)) {
			log.info("Job lock {} taken over by {}: its last holder {} never released it (its lease ran out)",
					lock.getName(), node, before);
		}
		else {
			log.debug("Job lock {} taken by {}", lock.getName(), node);
		}
		return Optional.of(new Released(taken.get(), lock.getName()));
	}

	private @Nullable String holder(String name) {
		List<String> rows = jdbc.queryForList("select locked_by from shedlock where name = ?", String.class, name);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/** The lease, which marks its row released after ShedLock's unlock. */
	private final class Released implements SimpleLock {

		private final SimpleLock lease;

		private final String name;

		Released(SimpleLock lease, String name) {
			this.lease = lease;
			this.name = name;
		}

		@Override
		public void unlock() {
			lease.unlock();
			jdbc.update("update shedlock set locked_by = ? where name = ? and locked_by = ?", node + RELEASED, name,
					node);
		}

		@Override
		public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
			return lease.extend(lockAtMostFor, lockAtLeastFor).map(extended -> new Released(extended, name));
		}

	}

}
