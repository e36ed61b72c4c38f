package org.grassroots.plans.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Marks measures whose deadline passed before they were done as OVERDUE, with their figures. Runs
 * on one node at a time (ShedLock); a second run finds nothing more to mark, so it is idempotent.
 * The day comes from the application's clock in Asia/Shanghai: a measure due today is not overdue.
 */
@Component
public class MeasureDeadlineJob {

	private static final Logger log = LoggerFactory.getLogger(MeasureDeadlineJob.class);

	private static final int BATCH = 500;

	private final MeasureRepository measures;

	private final MeasureChanges changes;

	private final TransactionTemplate transactions;

	MeasureDeadlineJob(MeasureRepository measures, MeasureChanges changes, TransactionTemplate transactions) {
		this.measures = measures;
		this.changes = changes;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${grassroots.plans.deadline-check:PT30M}", initialDelayString = "${grassroots.plans.deadline-first-check:PT2M}")
	@SchedulerLock(name = "measure-deadlines", lockAtMostFor = "PT1M")
	public void scheduled() {
		flagOverdue();
	}

	/**
	 * One pass, each measure in its own transaction; empty when another node holds the lock.
	 *
	 * @return how many measures became overdue
	 */
	@SchedulerLock(name = "measure-deadlines", lockAtMostFor = "PT1M")
	public Optional<Integer> flagOverdue() {
		int flagged = 0;
		List<Long> due;
		do {
			due = measures.newlyOverdue(changes.today(), BATCH);
			int before = flagged;
			for (long id : due) {
				if (Boolean.TRUE.equals(transactions.execute(status -> measures.find(id).map(changes::overdue).orElse(false)))) {
					flagged++;
				}
			}
			if (flagged == before) {
				// none of this batch could be marked (each changed meanwhile): the next run looks again
				break;
			}
		}
		while (due.size() == BATCH);
		if (flagged > 0) {
			log.info("Flagged {} overdue work measures", flagged);
		}
		return Optional.of(flagged);
	}

}
