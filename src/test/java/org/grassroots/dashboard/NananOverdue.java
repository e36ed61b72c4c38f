package org.grassroots.dashboard;

import java.util.List;
import java.util.Set;

import org.grassroots.support.Events;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An overdue problem held by a Nan'an community (500108002001, under Huayuanlu street), made through the real
 * commands, and closed again afterwards so that Nan'an's work queue keeps nothing open.
 */
final class NananOverdue {

	static final String COMMUNITY = "500108002001";

	private final ProblemIntake intake;

	private final ProblemDispatch dispatch;

	private final ProblemRectification rectification;

	private final ProblemSupervision supervision;

	private final JdbcClient jdbc;

	private final CurrentUser district;

	private final CurrentUser community;

	private Problem problem;

	NananOverdue(ProblemIntake intake, ProblemDispatch dispatch, ProblemRectification rectification,
			ProblemSupervision supervision, UnitManagement units, JdbcClient jdbc) {
		this.intake = intake;
		this.dispatch = dispatch;
		this.rectification = rectification;
		this.supervision = supervision;
		this.jdbc = jdbc;
		this.district = user("nanan.test", units.getByCode("500108", DataScope.CITY), Role.UNIT_ADMIN);
		this.community = user("nanhu.test", units.getByCode(COMMUNITY, DataScope.CITY), Role.CASEWORKER);
	}

	/** Registered by the district, assigned to the community and flagged overdue: its ledger number. */
	String make(String title) {
		Problem p = intake.register(new ProblemCommands.Register(title, "楼道灯坏了两个月", ProblemSource.SELF_FOUND,
				"PROPERTY_DISPUTE", null, null, null, null, null, null, null, null, null, null), List.of(), district);
		p = dispatch.accept(p.id(), new ProblemCommands.Decide(p.version(), null), district);
		p = dispatch.assign(p.id(), new ProblemCommands.Assign(p.version(), community.unitId(), "南湖社区书记", null, null),
				district);
		supervision.flagOverdue(p.id());
		problem = p;
		settle();
		return p.ledgerNo();
	}

	long id() {
		return problem.id();
	}

	/** Planned, submitted and recognized by both sides: closed, no longer open in Nan'an. */
	void close() {
		Problem p = rectification.plan(problem.id(), new ProblemCommands.Plan(version(), "更换灯具", null), community);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "已更换"), List.of(), community);
		p = rectification.recognize(p.id(), new ProblemCommands.Decide(p.version(), null), district);
		rectification.recognize(p.id(), new ProblemCommands.Decide(p.version(), null), community);
		settle();
	}

	private int version() {
		return jdbc.sql("select version from problem where id = :id").param("id", problem.id()).query(Integer.class).single();
	}

	void settle() {
		Events.settle(jdbc);
	}

	private static CurrentUser user(String name, Unit unit, Role role) {
		DataScope scope = new DataScope(false, Set.of(unit.path()), Set.of());
		return new CurrentUser(0, name, name, unit.id(), unit.path(), Set.of(role), scope,
				role == Role.UNIT_ADMIN ? scope : DataScope.NONE, null, true, null, false);
	}

}
