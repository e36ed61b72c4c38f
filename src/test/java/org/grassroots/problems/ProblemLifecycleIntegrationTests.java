package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A resident's report from intake to closure, evaluation and review, through the real API. */
@IntegrationTest
class ProblemLifecycleIntegrationTests {

	@LocalServerPort
	int port;

	ProblemSteps steps;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void aResidentReportGoesFromIntakeToClosureAndIsRated() {
		// a resident reports without an account and gets a tracking code
		String title = Api.uniqueCode("parking lane ");
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "PARKING", title);
		assertThat(report.ledgerNo()).matches("500108-\\d{4}-\\d{7}");
		assertThat(api.get(null, "/api/v1/public/reports/" + report.trackingCode()).text("state")).isEqualTo("REPORTED");

		// the Nan'an office accepts and assigns to Huayuanlu street; the street plans and submits
		steps.toSubmitted(report.id());
		JsonNode submitted = steps.problem("nanan.admin", report.id());
		assertThat(submitted.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.path("raisingSidePath").asString()).isEqualTo("/500000/500108/");
		assertThat(submitted.path("responsibleSidePath").asString()).isEqualTo("/500000/500108/500108002/");

		// one side alone does not close it
		steps.ok("nanan.admin", report.id(), "recognize", "note", "checked on site");
		assertThat(steps.state(report.id())).isEqualTo("SUBMITTED");
		assertThat(steps.command("nanan.admin", report.id(), "recognize").status()).isEqualTo(409);

		// the second side closes it
		steps.ok("huayuanlu.worker", report.id(), "recognize");
		JsonNode closed = steps.problem("nanan.admin", report.id());
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("closedAt").isNull()).isFalse();

		// the resident follows it and rates it; a second rating of the same closure is refused
		Api.Reply tracked = api.get(null, "/api/v1/public/reports/" + report.trackingCode());
		assertThat(tracked.text("state")).isEqualTo("CLOSED");
		assertThat(tracked.json().path("canEvaluate").asBoolean()).isTrue();
		assertThat(tracked.body()).doesNotContain("13912345678").doesNotContain("139****5678")
			.doesNotContain("张工作人员").doesNotContain("actorName").doesNotContain("clear the lane");
		assertThat(api.post(null, "/api/v1/public/reports/" + report.trackingCode() + "/evaluation",
				Api.json("rating", "SATISFIED", "comment", "fast")).status()).isEqualTo(200);
		assertThat(api.post(null, "/api/v1/public/reports/" + report.trackingCode() + "/evaluation",
				Api.json("rating", "DISSATISFIED")).status()).isEqualTo(409);
		assertThat(steps.problem("nanan.admin", report.id()).path("evaluation").asString()).isEqualTo("SATISFIED");

		// the timeline holds every step, and the public ledger shows it closed with its public title, without personal data
		List<String> actions = new ArrayList<>();
		api.get(steps.token("nanan.admin"), "/api/v1/problems/" + report.id())
			.json()
			.path("timeline")
			.forEach(entry -> actions.add(entry.path("action").asString()));
		assertThat(actions).containsExactly("REPORT", "ACCEPT", "ASSIGN", "START", "SUBMIT", "RECOGNIZE", "RECOGNIZE",
				"CLOSE", "EVALUATE");
		Api.Reply ledger = api.get(null, "/api/v1/public/ledger/500108002");
		assertThat(ledger.body()).contains(report.ledgerNo()).doesNotContain("1391234");
		for (JsonNode line : ledger.json()) {
			if (line.path("ledgerNo").asString().equals(report.ledgerNo())) {
				assertThat(line.path("state").asString()).isEqualTo("CLOSED");
				assertThat(line.path("title").asString()).isEqualTo(title);
			}
		}
	}

	@Test
	void aUnitThatIsNoPartyCannotRecognizeAndAnotherDistrictCannotEvenSeeIt() {
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "PARKING", Api.uniqueCode("third party "));
		steps.toSubmitted(report.id());

		// the city office and the steering group see it but are not parties
		assertThat(steps.command("city.admin", report.id(), "recognize").status()).isEqualTo(403);
		assertThat(steps.command("steering.group", report.id(), "recognize").status()).isEqualTo(403);
		// the department and every Yuzhong role do not see it at all
		for (String outsider : List.of("nanan.housing", "yuzhong.admin", "jiefangbei.worker")) {
			assertThat(steps.command(outsider, report.id(), "recognize").status()).as(outsider).isEqualTo(404);
			assertThat(api.get(steps.token(outsider), "/api/v1/problems/" + report.id()).status()).as(outsider).isEqualTo(404);
		}
		// party members and residents have no staff API at all
		assertThat(api.get(steps.token("member.li"), "/api/v1/problems/" + report.id()).status()).isEqualTo(403);
		assertThat(api.get(steps.token("resident.wang"), "/api/v1/problems/" + report.id()).status()).isEqualTo(403);
		assertThat(steps.state(report.id())).isEqualTo("SUBMITTED");
	}

	@Test
	void aSecondReturnBringsAutomaticSupervisionThatEndsAtClosure() {
		long id = steps.register("nanan.admin", Api.uniqueCode("returned twice "));
		steps.toSubmitted(id);
		steps.ok("nanan.admin", id, "return", "note", "photos missing");
		assertThat(steps.problem("nanan.admin", id).path("supervised").asBoolean()).isFalse();
		steps.ok("huayuanlu.worker", id, "submit", "evidence", "photos added");
		steps.ok("huayuanlu.worker", id, "return", "note", "still not painted");

		JsonNode detail = api.get(steps.token("nanan.admin"), "/api/v1/problems/" + id).json();
		assertThat(detail.path("problem").path("supervised").asBoolean()).isTrue();
		assertThat(detail.path("problem").path("returnCount").asInt()).isEqualTo(2);
		assertThat(detail.path("supervisions").get(0).path("automatic").asBoolean()).isTrue();
		assertThat(detail.path("problem").path("state").asString()).isEqualTo("RECTIFYING");

		steps.ok("huayuanlu.worker", id, "submit", "evidence", "done at last");
		steps.ok("nanan.admin", id, "recognize");
		steps.ok("huayuanlu.worker", id, "recognize");
		JsonNode closed = api.get(steps.token("nanan.admin"), "/api/v1/problems/" + id).json();
		assertThat(closed.path("problem").path("supervised").asBoolean()).isFalse();
		assertThat(closed.path("supervisions").get(0).path("resolvedAt").isNull()).isFalse();
	}

	@Test
	void anUpperUnitSupervisesAndTheStreetIsNotified() {
		long id = steps.register("nanan.admin", Api.uniqueCode("supervised "));
		steps.ok("nanan.admin", id, "accept");
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		// the street cannot supervise itself; the district's cadre can
		assertThat(steps.command("huayuanlu.worker", id, "supervise", "reason", "hurry").status()).isEqualTo(403);
		JsonNode supervised = steps.ok("nanan.cadre", id, "supervise", "reason", "residents keep calling");
		assertThat(supervised.path("supervised").asBoolean()).isTrue();
		assertThat(supervised.path("priority").asInt()).isEqualTo(1);

		// the assignment and the supervision reach the street's inbox through the outbox
		String ledgerNo = supervised.path("ledgerNo").asString();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode inbox = api.get(steps.token("huayuanlu.worker"), "/api/v1/problems/inbox").json();
			List<String> kinds = new ArrayList<>();
			inbox.path("notices").forEach(notice -> {
				if (notice.path("ledgerNo").asString().equals(ledgerNo)) {
					kinds.add(notice.path("kind").asString());
				}
			});
			assertThat(kinds).contains("ASSIGNED", "SUPERVISED");
		});
	}

	@Test
	void aDissatisfiedRatingOpensAReviewThatCanReopenTheProblem() {
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "PROPERTY_DISPUTE", Api.uniqueCode("fees "));
		steps.toSubmitted(report.id());
		steps.ok("nanan.admin", report.id(), "recognize");
		steps.ok("huayuanlu.worker", report.id(), "recognize");
		assertThat(api.post(null, "/api/v1/public/reports/" + report.trackingCode() + "/evaluation",
				Api.json("rating", "DISSATISFIED", "comment", "the accounts are still hidden")).status()).isEqualTo(200);
		assertThat(steps.problem("nanan.admin", report.id()).path("reviewState").asString()).isEqualTo("OPEN");

		// the street cannot review itself; the district reopens it
		assertThat(steps.command("huayuanlu.worker", report.id(), "review", "reopen", true, "note", "no").status())
			.isEqualTo(403);
		JsonNode reopened = steps.ok("nanan.admin", report.id(), "review", "reopen", true, "note", "publish the accounts");
		assertThat(reopened.path("state").asString()).isEqualTo("RECTIFYING");
		assertThat(reopened.path("reviewState").asString()).isEqualTo("REOPENED");

		// once closed again, the resident may rate the new result
		steps.ok("huayuanlu.worker", report.id(), "submit", "evidence", "accounts on the notice board");
		steps.ok("nanan.admin", report.id(), "recognize");
		steps.ok("huayuanlu.worker", report.id(), "recognize");
		assertThat(api.post(null, "/api/v1/public/reports/" + report.trackingCode() + "/evaluation",
				Api.json("rating", "BASICALLY_SATISFIED")).status()).isEqualTo(200);
	}

	@Test
	void aReportCanBeLinkedToAnOpenProblemOfTheSameKindInTheCommunity() {
		ProblemSteps.Report first = steps.report(ProblemSteps.COMMUNITY, "CHILDCARE", Api.uniqueCode("nursery "));
		long community = steps.unitId(ProblemSteps.COMMUNITY);
		Api.Reply candidates = api.get(null,
				"/api/v1/public/reports/duplicates?locationUnitId=" + community + "&categoryCode=CHILDCARE");
		assertThat(candidates.body()).contains(first.ledgerNo());

		Api.Reply linked = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", community, "categoryCode",
				"CHILDCARE", "title", "same nursery", "description", "me too", "duplicateOf", first.id()));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		Api.Reply tracked = api.get(null, "/api/v1/public/reports/" + linked.text("trackingCode"));
		assertThat(tracked.text("duplicateOf")).isEqualTo(first.ledgerNo());
		assertThat(tracked.text("state")).isEqualTo("REPORTED");
		assertThat(steps.problem("nanan.admin", first.id()).path("reportCount").asInt()).isEqualTo(2);

		// a problem of another category is no duplicate
		assertThat(api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", community, "categoryCode", "PARKING",
				"title", "x", "description", "y", "duplicateOf", first.id())).status()).isEqualTo(400);
	}

}
