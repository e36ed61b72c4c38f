package org.grassroots.dashboard.internal;

import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemReported;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the counters from events. Problem events arrive after their command commits, through the
 * event publication registry, so none is lost on a crash and a redelivered one changes nothing
 * ({@link FigureSync#sync}). Unit moves are applied in the move's transaction, as every module
 * that copies unit paths does.
 */
@Component
class ProblemFeed {

	private final FigureSync sync;

	ProblemFeed(FigureSync sync) {
		this.sync = sync;
	}

	@ApplicationModuleListener
	void on(ProblemReported reported) {
		sync.sync(reported.problem().id());
	}

	@ApplicationModuleListener
	void on(ProblemChanged changed) {
		sync.sync(changed.after().id());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		sync.move(moved.before().path(), moved.after().path());
	}

}
