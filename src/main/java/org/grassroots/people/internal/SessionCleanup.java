package org.grassroots.people.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes expired page sessions once a minute on one node at a time. Spring Session's own cleanup
 * (turned off in application.yml) ran on every node on a scheduler of its own, which logged a stack
 * trace a minute while the database was away; this one runs on the application's scheduler, whose
 * errors during an outage are one DEBUG line (shared/database/QuietOutage).
 */
@Component
public class SessionCleanup {

	private final JdbcIndexedSessionRepository sessions;

	SessionCleanup(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "${grassroots.sessions.cleanup-cron:0 * * * * *}")
	@SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT1M")
	public void deleteExpired() {
		sessions.cleanUpExpiredSessions();
	}

}
