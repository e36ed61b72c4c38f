package org.grassroots.lifeevents.internal;

import org.grassroots.shared.PathRewrite;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the unit paths copied onto applications, tasks, department mappings and consents true when
 * a unit moves, so that scope and the work queues still find them. The dashboard moves its own
 * counters on the same event.
 */
@Component
class LifeEventPathSync {

	private final JdbcClient jdbc;

	LifeEventPathSync(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		String before = moved.before().path();
		String after = moved.after().path();
		PathRewrite.rewrite(jdbc, "le_application", "community_path", before, after);
		PathRewrite.rewrite(jdbc, "le_task", "department_path", before, after);
		PathRewrite.rewrite(jdbc, "le_department", "department_path", before, after);
		PathRewrite.rewrite(jdbc, "le_consent", "unit_path", before, after);
	}

}
