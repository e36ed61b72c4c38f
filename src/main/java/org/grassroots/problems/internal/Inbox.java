package org.grassroots.problems.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Delivers notices to the inbox after the command commits; the registry redelivers after a crash. */
@Component
class Inbox {

	private final NoticeRepository notices;

	private final Clock clock;

	Inbox(NoticeRepository notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void deliver(NoticeDue notice) {
		for (String unitPath : notice.unitPaths()) {
			notices.insert(unitPath, notice.kind(), notice.problemId(), notice.ledgerNo(), notice.title(),
					notice.key() + "@" + unitPath, clock.instant());
		}
	}

}
