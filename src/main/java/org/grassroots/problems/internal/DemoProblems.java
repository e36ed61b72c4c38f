package org.grassroots.problems.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.grassroots.people.DemoDataLoaded;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.problems.ProblemType;
import org.grassroots.problems.Rating;
import org.grassroots.problems.Urgency;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo problems in every state in Nan'an and Yuzhong, made through the real commands as the demo
 * people, so the timeline, audit log and inbox look as they would in use.
 */
@Component
class DemoProblems {

	private static final Logger log = LoggerFactory.getLogger(DemoProblems.class);

	private final ProblemIntake intake;

	private final ProblemDispatch dispatch;

	private final ProblemRectification rectification;

	private final ProblemSupervision supervision;

	private final ProblemEvaluation evaluation;

	private final UnitManagement units;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private final ProblemRepository repository;

	DemoProblems(ProblemIntake intake, ProblemDispatch dispatch, ProblemRectification rectification,
			ProblemSupervision supervision, ProblemEvaluation evaluation, UnitManagement units, UserDetailsService users,
			JdbcClient jdbc, ProblemRepository repository) {
		this.repository = repository;
		this.intake = intake;
		this.dispatch = dispatch;
		this.rectification = rectification;
		this.supervision = supervision;
		this.evaluation = evaluation;
		this.units = units;
		this.users = users;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		try {
			nanan();
			yuzhong();
			log.info("Loaded the demo problems");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void nanan() {
		long community = unit("500108002001");
		long street = unit("500108002");
		report(community, "PROPERTY_DISPUTE", "小区物业费收支不公开", "南湖社区业主反映物业公司两年未公示物业费收支，业主多次要求未果。");
		Problem accepted = report(community, "ELEVATOR", "5 号楼加装电梯意见不统一", "低层业主担心采光和噪声，高层老人上下楼困难，希望社区协调。");
		as("nanan.admin", user -> dispatch.accept(accepted.id(), decide(accepted, null), user));
		Problem declined = report(community, "OTHER", "希望小区门口增设公交站", "门口到公交站要走 15 分钟。");
		as("nanan.admin", user -> dispatch.decline(declined.id(), decide(declined, "属市交通部门职权，已转 12345 热线"), user));
		Problem assigned = register("nanan.admin", "老旧小区停车位划线不足", ProblemSource.RESEARCH, "PARKING");
		assign(assigned, street, "张工作人员");
		Problem rectifying = register("nanan.admin", "小微企业门前临时停车难", ProblemSource.SELF_FOUND, "PARKING");
		plan(assign(rectifying, street, "张工作人员"));
		Problem submitted = register("nanan.admin", "社区养老服务站开放时间短", ProblemSource.RAISED_BY_GRASSROOTS, "ELDERLY_CARE");
		submit(plan(assign(submitted, street, "张工作人员")));
		Problem closing = report(community, "PARKING", "菜市场周边占道停车", "早晚高峰车辆占道，行人无法通行。");
		ProblemIntake.Reported closingReport = lastReport;
		Problem done = submit(plan(assign(accept(closing), street, "张工作人员")));
		Problem half = as("nanan.admin", user -> rectification.recognize(done.id(), decide(done, "现场核实，已整改"), user));
		as("huayuanlu.worker", user -> rectification.recognize(half.id(), decide(half, "已完成"), user));
		evaluation.evaluate(closingReport.trackingCode(), new ProblemCommands.Evaluate(Rating.SATISFIED, "很快就解决了"));
		Problem returned = submit(plan(assign(register("nanan.admin", "社区食堂餐费标准不明", ProblemSource.UNIT_INSPECTION,
				"ELDERLY_CARE"), street, "张工作人员")));
		returned = returnOnce(returned);
		returned = submit(returned);
		returnOnce(returned);
		Problem summoned = plan(assign(register("nanan.admin", "学府路老旧管网渗漏", ProblemSource.HOTLINE, "HOUSING"), street,
				"张工作人员"));
		long housing = unit("500108-D01");
		as("huayuanlu.worker", user -> supervision.summon(summoned.id(),
				new ProblemCommands.Summon(List.of(housing, unit("500108-D03")), "管网权属不清，需住建、城管共同处置", false), user));
		as("nanan.housing", user -> supervision.reportIn(summoned.id(), new ProblemCommands.ReportIn("陈办事员"), user));
		Problem late = report(community, "MEDICAL_CARE", "社区卫生站周末不开门", "周末孩子发烧只能去区医院。");
		backdate(late);
	}

	/**
	 * Moves a fresh report back in time so that its first response was due an hour ago: the report
	 * time, its timeline and its notices move with the deadline, so the deadline still comes after
	 * the report, as the response limit of its category sets it.
	 */
	private void backdate(Problem problem) {
		Instant reported = problem.createdAt();
		Instant due = java.util.Objects.requireNonNull(problem.responseDue(), "a fresh report has a response deadline");
		Duration back = Duration.between(reported, due).plusHours(1);
		java.time.OffsetDateTime then = org.grassroots.shared.Times.utc(reported.minus(back));
		jdbc.sql("update problem set created_at = :then, updated_at = :then, response_due = :due where id = :id")
			.param("then", then)
			.param("due", org.grassroots.shared.Times.utc(due.minus(back)))
			.param("id", problem.id())
			.update();
		jdbc.sql("update problem_event set at = :then where problem_id = :id").param("then", then).param("id", problem.id()).update();
		jdbc.sql("update notification set created_at = :then where problem_id = :id").param("then", then).param("id", problem.id()).update();
		repository.copyToParties(problem.id());
	}

	private void yuzhong() {
		long community = unit("500103901001");
		long street = unit("500103901");
		report(community, "PROPERTY_DISPUTE", "楼道堆放杂物无人清理", "消防通道被占用。");
		Problem assigned = report(community, "PARKING", "解放碑商圈夜间停车难", "商户反映夜间没有临时停车位。");
		assign(acceptAs("yuzhong.admin", assigned), street, "赵工作人员", "yuzhong.admin");
		Problem crowded = report(community, "EDUCATION", "放学时段校门口拥堵", "希望安排护学岗。");
		Problem planned = planAs("jiefangbei.worker",
				assign(acceptAs("yuzhong.admin", crowded), street, "赵工作人员", "yuzhong.admin"));
		Problem submitted = as("jiefangbei.worker", user -> rectification.submit(planned.id(),
				new ProblemCommands.Submit(planned.version(), "已安排护学岗"), List.of(), user));
		Problem recognized = as("yuzhong.admin", user -> rectification.recognize(submitted.id(), decide(submitted, null), user));
		as("jiefangbei.worker", user -> rectification.recognize(recognized.id(), decide(recognized, null), user));
	}

	private ProblemIntake.Reported lastReport;

	private Problem report(long community, String category, String title, String description) {
		lastReport = intake.report(new ProblemCommands.ResidentReport(community, category, title, description, null, null,
				null, "13800138000", false, null), List.of());
		return lastReport.problem();
	}

	private Problem register(String username, String title, ProblemSource source, String category) {
		Problem registered = as(username, user -> intake.register(new ProblemCommands.Register(title, title, source,
				category, Urgency.GENERAL, ProblemType.IMMEDIATE, null, null, null, null, null, null, null, null), List.of(),
				user));
		return accept(registered);
	}

	private Problem accept(Problem problem) {
		return acceptAs("nanan.admin", problem);
	}

	private Problem acceptAs(String username, Problem problem) {
		return as(username, user -> dispatch.accept(problem.id(), decide(problem, null), user));
	}

	private Problem assign(Problem problem, long unitId, String person) {
		return assign(problem, unitId, person, "nanan.admin");
	}

	private Problem assign(Problem problem, long unitId, String person, String username) {
		return as(username, user -> dispatch.assign(problem.id(),
				new ProblemCommands.Assign(problem.version(), unitId, person, null, null), user));
	}

	private Problem plan(Problem problem) {
		return planAs("huayuanlu.worker", problem);
	}

	private Problem planAs(String username, Problem problem) {
		return as(username, user -> rectification.plan(problem.id(),
				new ProblemCommands.Plan(problem.version(), "制定整改方案，明确责任人和时间表", "群众满意、台账销号"), user));
	}

	private Problem submit(Problem problem) {
		return as("huayuanlu.worker", user -> rectification.submit(problem.id(),
				new ProblemCommands.Submit(problem.version(), "已完成整改，附现场照片"), List.of(), user));
	}

	private Problem returnOnce(Problem problem) {
		return as("nanan.admin", user -> rectification.returnRectification(problem.id(),
				decide(problem, "整改不到位，请补充佐证"), user));
	}

	private static ProblemCommands.Decide decide(Problem problem, String note) {
		return new ProblemCommands.Decide(problem.version(), note);
	}

	private long unit(String code) {
		Unit unit = units.getByCode(code, DataScope.CITY);
		return unit.id();
	}

	/** Runs a command as a demo person, signed in for the audit log as they would be. */
	private Problem as(String username, Function<CurrentUser, Problem> command) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return command.apply(user);
	}

}
