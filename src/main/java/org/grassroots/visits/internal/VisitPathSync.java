package org.grassroots.visits.internal;

import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the unit paths copied onto visits and reception days true when a unit moves, so that scope
 * and the public lineage list still find them. The dashboard moves its own counters on the same
 * event, so the visits' figures are not published again.
 */
@Component
class VisitPathSync {

	private final VisitRepository visits;

	VisitPathSync(VisitRepository visits) {
		this.visits = visits;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		visits.rewritePaths(moved.before().path(), moved.after().path());
	}

}
