package org.grassroots.problems.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link NoticeDue} publications that the event registry still holds from before issue 19,
 * when notices went through it: commands now write their notices in their own transaction
 * ({@code ProblemCommandSupport.notice}). Remove once no deployment has such publications left.
 */
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
			notices.insert(unitPath, notice.kind(), notice.problemId(), notice.key() + "@" + unitPath, clock.instant());
		}
	}

}
