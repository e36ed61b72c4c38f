package org.grassroots.problems.internal;

import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the unit paths copied onto problems, parties, summonses and notices true when a unit moves. */
@Component
class UnitPathSync {

	private final ProblemRepository problems;

	UnitPathSync(ProblemRepository problems) {
		this.problems = problems;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		problems.rewritePaths(moved.before().path(), moved.after().path());
	}

}
