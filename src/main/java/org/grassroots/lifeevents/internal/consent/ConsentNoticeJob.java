package org.grassroots.lifeevents.internal.consent;

import java.util.List;
import java.util.Optional;

import org.grassroots.lifeevents.ConsentNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Confirms the consents whose public notice ended (its last day before today, Asia/Shanghai)
 * without an objection, each in its own transaction. Hourly, on one node at a time (ShedLock); a
 * second run finds nothing more, so it is idempotent. A notice with objections waits for the office.
 */
@Component
public class ConsentNoticeJob {

	private static final Logger log = LoggerFactory.getLogger(ConsentNoticeJob.class);

	private static final int BATCH = 200;

	private final ConsentRepository consents;

	private final ConsentNotice notice;

	ConsentNoticeJob(ConsentRepository consents, ConsentNotice notice) {
		this.consents = consents;
		this.notice = notice;
	}

	@Scheduled(fixedDelayString = "${grassroots.lifeevents.consent.notice-check:PT1H}", initialDelayString = "${grassroots.lifeevents.consent.notice-first-check:PT3M}")
	@SchedulerLock(name = "consent-notices", lockAtMostFor = "PT1M")
	public void scheduled() {
		confirmDue();
	}

	/**
	 * One pass; empty when another node holds the lock.
	 *
	 * @return how many consents were confirmed
	 */
	@SchedulerLock(name = "consent-notices", lockAtMostFor = "PT1M")
	public Optional<Integer> confirmDue() {
		int confirmed = 0;
		List<Long> due;
		do {
			due = consents.dueWithoutObjections(notice.today(), BATCH);
			int before = confirmed;
			for (long id : due) {
				if (notice.confirmIfDue(id)) {
					confirmed++;
				}
			}
			if (confirmed == before) {
				break;
			}
		}
		while (due.size() == BATCH);
		if (confirmed > 0) {
			log.info("Confirmed {} owners' consents after their public notice", confirmed);
		}
		return Optional.of(confirmed);
	}

}
