package org.grassroots.dashboard.internal;

import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies unit moves to the counters in the move's transaction, as every module that copies unit
 * paths does. Problems reported or changed reach the counters through their marks
 * ({@link FigureDrains}).
 */
@Component
class ProblemFeed {

	private final FigureSync sync;

	ProblemFeed(FigureSync sync) {
		this.sync = sync;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		sync.move(moved.before().path(), moved.after().path());
	}

}
