package org.grassroots.shared.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again, while the app runs, the event publications whose listener failed (a deadlock, a
 * lost connection) or whose node died while delivering them (the staleness monitor marks those
 * failed, spring.modulith.events.staleness). Without it they waited for the next restart and the
 * read models fed by them fell behind. Listeners are idempotent, so a second delivery adds nothing.
 * One node at a time (ShedLock).
 */
@Component
public class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	private final FailedEventPublications failed;

	EventRetries(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(fixedDelayString = "${grassroots.events.retry-interval:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-retries", lockAtMostFor = "PT1M")
	public void retry() {
		try {
			failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500));
		}
		catch (RuntimeException e) {
			// the next run tries again; a scheduled method that throws would only log the same
			log.warn("Resubmitting failed event publications failed: {}", e.toString());
		}
	}

}
