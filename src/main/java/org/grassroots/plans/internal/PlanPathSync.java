package org.grassroots.plans.internal;

import org.grassroots.shared.PathRewrite;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the unit paths copied onto plans and measures true when a unit moves, so scope and the
 * benchmarking rows follow the unit: a street moved to another district takes its measures there.
 */
@Component
class PlanPathSync {

	private final JdbcClient jdbc;

	PlanPathSync(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** In the mover's transaction, so a move and the paths that follow it commit or fail together. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		String before = moved.before().path();
		String after = moved.after().path();
		PathRewrite.rewrite(jdbc, "research_plan", "owner_unit_path", before, after);
		PathRewrite.rewrite(jdbc, "research_plan_unit", "unit_path", before, after);
		PathRewrite.rewrite(jdbc, "work_measure", "plan_unit_path", before, after);
		PathRewrite.rewrite(jdbc, "work_measure", "owner_unit_path", before, after);
		// the whole moved subtree lies in one district: the one its new path names
		jdbc.sql("update work_measure set district_path = :district where owner_unit_path like :moved")
			.param("district", districtOf(after))
			.param("moved", after + "%")
			.update();
	}

	/** The district's path within a path of a unit at district level or below: /city/district/. */
	private static String districtOf(String path) {
		int city = path.indexOf('/', 1);
		int district = path.indexOf('/', city + 1);
		return district < 0 ? path : path.substring(0, district + 1);
	}

}
