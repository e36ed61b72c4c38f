package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSource;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.Events;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Problems linked to a measure: linked by ledger number within the linker's scope, shown with
 * their state, and a closing advances a counting measure once, however often the event comes.
 */
@IntegrationTest
class MeasureProblemsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProblemIntake intake;

	@Autowired
	ProblemDispatch dispatch;

	@Autowired
	ProblemRectification rectification;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void closingALinkedProblemAdvancesTheMeasureOnce() {
		Api api = new Api(port);
		PlanSteps steps = new PlanSteps(api);
		String yuzhong = api.token("yuzhong.admin");
		LocalDate today = LocalDate.now(Times.ZONE);
		long plan = steps.plan(yuzhong, null, List.of("PROPERTY_DISPUTE"), today, today.plusMonths(2)).path("id").asLong();
		long counting = steps.measure(yuzhong, plan, "PROPERTY_DISPUTE", null, today, today.plusMonths(1), 2, "件", true)
			.path("id").asLong();
		long notCounting = steps.measure(yuzhong, plan, "PROPERTY_DISPUTE", null, today, today.plusMonths(1), 2, "件", false)
			.path("id").asLong();

		CurrentUser admin = user("yuzhong.admin");
		CurrentUser street = user("jiefangbei.worker");
		Problem problem = intake.register(new ProblemCommands.Register("物业纠纷 " + Api.uniqueCode(""), "业主与物业公司的费用纠纷",
				ProblemSource.RESEARCH, "PROPERTY_DISPUTE", null, null, null, null, null, null, null, null, null, null),
				List.of(), admin);

		// linked to both measures by its ledger number; Nan'an cannot link a Yuzhong problem
		for (long measure : List.of(counting, notCounting)) {
			Api.Reply linked = api.post(yuzhong, "/api/v1/plans/measures/" + measure + "/problems",
					Api.json("ledgerNo", problem.ledgerNo(), "version", 0));
			assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		}
		assertThat(api.post(yuzhong, "/api/v1/plans/measures/" + counting + "/problems",
				Api.json("ledgerNo", problem.ledgerNo(), "version", 1)).status()).isEqualTo(409);
		String nanan = api.token("nanan.admin");
		long nananPlan = steps.plan(nanan, null, List.of("PROPERTY_DISPUTE"), today, today.plusMonths(2)).path("id").asLong();
		long nananMeasure = steps.measure(nanan, nananPlan, "PROPERTY_DISPUTE", null, today, today.plusMonths(1), 2, "件", true)
			.path("id").asLong();
		Api.Reply foreign = api.post(nanan, "/api/v1/plans/measures/" + nananMeasure + "/problems",
				Api.json("ledgerNo", problem.ledgerNo(), "version", 0));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.text("detail")).contains("no problem with ledger number " + problem.ledgerNo() + " in your scope");

		// worked to its closing; the measure shows each state on the way
		Problem p = dispatch.accept(problem.id(), new ProblemCommands.Decide(problem.version(), null), admin);
		p = dispatch.assign(p.id(), new ProblemCommands.Assign(p.version(), street.unitId(), "赵", null, null), admin);
		Events.settle(jdbc);
		assertThat(linkedState(api, yuzhong, counting)).isEqualTo("ASSIGNED");
		p = rectification.plan(p.id(), new ProblemCommands.Plan(p.version(), "调解", null, null), street);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "调解协议"), List.of(), street);
		p = rectification.recognize(p.id(), new ProblemCommands.Decide(p.version(), null), admin);
		Problem beforeClosing = p;
		Problem closed = rectification.recognize(p.id(), new ProblemCommands.Decide(p.version(), null), street);
		assertThat(closed.state().name()).isEqualTo("CLOSED");
		Events.settle(jdbc);

		JsonNode detail = api.get(yuzhong, "/api/v1/plans/measures/" + counting).json();
		assertThat(detail.path("measure").path("progress").asInt()).isEqualTo(1);
		assertThat(detail.path("measure").path("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(detail.path("problems").get(0).path("state").asString()).isEqualTo("CLOSED");
		assertThat(detail.path("problems").get(0).path("counted").asBoolean()).isTrue();
		assertThat(detail.path("problemsClosed").asInt()).isEqualTo(1);
		assertThat(detail.path("reports").get(0).path("kind").asString()).isEqualTo("PROBLEM_CLOSED");
		assertThat(steps.get(yuzhong, notCounting).path("progress").asInt()).isZero();

		// the same closing heard again counts nothing more
		transactions.executeWithoutResult(status -> events.publishEvent(
				new ProblemChanged(ProblemAction.RECOGNIZE, beforeClosing, closed, null, null)));
		Events.settle(jdbc);
		assertThat(steps.get(yuzhong, counting).path("progress").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'MEASURE_ADVANCED_BY_PROBLEM' and subject_id = :id")
			.param("id", String.valueOf(counting)).query(Integer.class).single()).isEqualTo(1);

		// unlinked: gone from the measure, the progress it brought stays
		int version = steps.get(yuzhong, counting).path("version").asInt();
		Api.Reply unlinked = api.delete(yuzhong, "/api/v1/plans/measures/" + counting + "/problems/" + problem.id()
				+ "?version=" + version);
		assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
		JsonNode after = api.get(yuzhong, "/api/v1/plans/measures/" + counting).json();
		assertThat(after.path("problems")).isEmpty();
		assertThat(after.path("measure").path("progress").asInt()).isEqualTo(1);
	}

	private String linkedState(Api api, String token, long measureId) {
		return api.get(token, "/api/v1/plans/measures/" + measureId).json().path("problems").get(0).path("state").asString();
	}

	private CurrentUser user(String username) {
		return (CurrentUser) users.loadUserByUsername(username);
	}

}
