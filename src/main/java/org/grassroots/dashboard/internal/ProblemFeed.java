package org.grassroots.dashboard.internal;

import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemReported;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the counters from events. Problem events arrive after their command commits, through the
 * event publication registry, so none is lost on a crash and a redelivered one changes nothing
 * ({@link FigureSync#syncAll}). They are applied in batches ({@link GroupCommit}), so under a
 * stream of reports the district's and the city's counters are written once per batch. Unit moves
 * are applied in the move's transaction, as every module that copies unit paths does.
 */
@Component
class ProblemFeed {

	/** Problems one batch applies at most. */
	private static final int BATCH = 50;

	private final FigureSync sync;

	private final GroupCommit<Long> problems;

	ProblemFeed(FigureSync sync, PlatformTransactionManager transactions) {
		this.sync = sync;
		this.problems = new GroupCommit<>(new TransactionTemplate(transactions), sync::syncAll, BATCH);
	}

	// no transaction of its own: the batch that applies it has one, and a waiting delivery holds no connection
	@Async
	@TransactionalEventListener
	void on(ProblemReported reported) {
		problems.apply(reported.problem().id());
	}

	@Async
	@TransactionalEventListener
	void on(ProblemChanged changed) {
		problems.apply(changed.after().id());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		sync.move(moved.before().path(), moved.after().path());
	}

}
