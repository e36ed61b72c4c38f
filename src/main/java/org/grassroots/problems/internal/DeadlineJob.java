package org.grassroots.problems.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.grassroots.problems.ProblemSupervision;
import org.grassroots.shared.jobs.RunOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags overdue problems and report-ins, and reminds units of deadlines within three days. Runs
 * on one node at a time (ShedLock lease {@code problem-deadlines}, renewed while it runs), in batches
 * so a backlog cannot hold it long.
 */
@Component
public class DeadlineJob {

	private static final Logger log = LoggerFactory.getLogger(DeadlineJob.class);

	private static final int BATCH = 500;

	private final RunOnce lock;

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final ProblemSupervision supervision;

	private final Clock clock;

	DeadlineJob(RunOnce lock, ProblemRepository problems, WorkRepository work, ProblemSupervision supervision,
			Clock clock) {
		this.lock = lock;
		this.problems = problems;
		this.work = work;
		this.supervision = supervision;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${grassroots.problems.deadline-check:PT5M}", initialDelayString = "${grassroots.problems.deadline-first-check:PT1M}")
	void scheduled() {
		runOnce();
	}

	/** One pass; false when another node holds the lock. */
	public boolean runOnce() {
		return lock.run("problem-deadlines", this::check);
	}

	private void check() {
		Instant now = clock.instant();
		int flagged = 0;
		List<Long> overdue;
		do {
			overdue = problems.newlyOverdue(now, BATCH);
			overdue.forEach(supervision::flagOverdue);
			flagged += overdue.size();
		}
		while (overdue.size() == BATCH);
		problems.deadlineSoon(now, now.plus(Duration.ofDays(3)), 10 * BATCH).forEach(supervision::noticeDeadlineSoon);
		int reportIns = work.flagOverdueReportIns(now);
		if (flagged + reportIns > 0) {
			log.info("Flagged {} overdue problems and {} overdue report-ins", flagged, reportIns);
		}
	}

}
