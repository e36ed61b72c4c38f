package org.grassroots.shared.jobs;

import java.time.Duration;
import java.time.Instant;

import org.grassroots.shared.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again, while the app runs, the event publications that were not delivered: at once
 * those whose listener failed (a deadlock, a lost connection), and once they are older than
 * {@code grassroots.events.resubmit-after} those still published or in progress, which a database
 * outage leaves behind (the listener could not even record its failure) as does a node that died
 * while delivering. Without it they waited for the next restart, or ten minutes for the staleness
 * monitor. One job for both, so that one lock keeps two nodes, or two runs, from delivering the
 * same publication twice at once. Listeners are idempotent, so a second delivery adds nothing.
 */
@Component
public class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	private final FailedEventPublications failed;

	private final IncompleteEventPublications incomplete;

	private final Duration resubmitAfter;

	EventRetries(FailedEventPublications failed, IncompleteEventPublications incomplete,
			@Value("${grassroots.events.resubmit-after:PT1M}") Duration resubmitAfter) {
		this.failed = failed;
		this.incomplete = incomplete;
		this.resubmitAfter = resubmitAfter;
	}

	/**
	 * Not delivered, not failed (the failed ones went just before), and neither published nor
	 * last resubmitted within the last {@code resubmit-after}: a delivery under way is left alone.
	 */
	boolean leftBehind(EventPublication publication) {
		Instant before = Instant.now().minus(resubmitAfter);
		Status status = publication.getStatus();
		return status != Status.FAILED && status != Status.COMPLETED && !publication.isCompleted()
				&& publication.getPublicationDate().isBefore(before)
				&& (publication.getLastResubmissionDate() == null || publication.getLastResubmissionDate().isBefore(before));
	}

	// the lease outlasts a run (a batch of 500 takes seconds); a node that dies frees it within a minute
	@Scheduled(fixedDelayString = "${grassroots.events.retry-interval:PT1M}", initialDelayString = "${grassroots.events.retry-interval:PT1M}")
	@SchedulerLock(name = "event-retries", lockAtMostFor = "PT1M")
	public void retry() {
		try {
			failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500));
			incomplete.resubmitIncompletePublications(this::leftBehind);
		}
		catch (RuntimeException e) {
			// the next run tries again; a scheduled method that throws would only log the same
			if (DatabaseFailures.unreachable(e)) {
				log.debug("Resubmitting event publications waits for the database: {}", DatabaseFailures.shortReason(e));
			}
			else {
				log.warn("Resubmitting event publications failed: {}", e.toString());
			}
		}
	}

}
