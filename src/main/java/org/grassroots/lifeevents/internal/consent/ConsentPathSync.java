package org.grassroots.lifeevents.internal.consent;

import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the community paths copied onto consents true when a unit moves. */
@Component
class ConsentPathSync {

	private final ConsentRepository consents;

	ConsentPathSync(ConsentRepository consents) {
		this.consents = consents;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		consents.rewritePaths(moved.before().path(), moved.after().path());
	}

}
