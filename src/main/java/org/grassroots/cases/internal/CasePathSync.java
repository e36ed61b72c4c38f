package org.grassroots.cases.internal;

import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the unit paths copied onto cases and mechanisms true when a unit moves. */
@Component
class CasePathSync {

	private final CaseRepository cases;

	CasePathSync(CaseRepository cases) {
		this.cases = cases;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		cases.rewritePaths(moved.before().path(), moved.after().path());
	}

}
