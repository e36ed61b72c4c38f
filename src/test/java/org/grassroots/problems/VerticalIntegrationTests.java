package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Problems moving up and down the hierarchy: escalate, delegate, split, and the street's summons. */
@IntegrationTest
class VerticalIntegrationTests {

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
	void aStreetEscalatesWhatItCannotSolveAndTheDistrictTakesItOver() {
		long id = steps.register("nanan.admin", Api.uniqueCode("escalated "));
		steps.ok("nanan.admin", id, "accept");
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));

		// the street cannot escalate to a unit that is not above it
		assertThat(steps.command("huayuanlu.worker", id, "escalate", "unitId", steps.unitId("500103"), "reason", "x")
			.status()).isEqualTo(400);
		JsonNode escalated = steps.ok("huayuanlu.worker", id, "escalate", "reason", "needs the housing commission");
		assertThat(escalated.path("state").asString()).isEqualTo("ACCEPTED");
		assertThat(escalated.path("handlingUnitPath").asString()).isEqualTo("/500000/500108/");
		assertThat(escalated.path("responsibleUnitId").isNull()).isTrue();

		// the district reassigns it to its housing commission
		JsonNode reassigned = steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId("500108-D01"));
		assertThat(reassigned.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(steps.problem("nanan.housing", id).path("responsibleUnitPath").asString()).endsWith("/500108-D01/");
	}

	@Test
	void theDistrictDelegatesDispatchingToAStreetWhichAssignsItToACommunity() {
		long id = steps.register("nanan.admin", Api.uniqueCode("delegated "));
		steps.ok("nanan.admin", id, "accept");
		// delegating to a unit outside the handling unit's subtree is refused
		assertThat(steps.command("nanan.admin", id, "delegate", "unitId", steps.unitId("500103901")).status()).isEqualTo(404);
		JsonNode delegated = steps.ok("nanan.admin", id, "delegate", "unitId", steps.unitId(ProblemSteps.STREET));
		assertThat(delegated.path("handlingUnitPath").asString()).isEqualTo("/500000/500108/500108002/");
		// the district no longer dispatches it; the street does
		assertThat(steps.command("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.COMMUNITY)).status())
			.isEqualTo(403);
		JsonNode assigned = steps.ok("huayuanlu.worker", id, "assign", "unitId", steps.unitId(ProblemSteps.COMMUNITY));
		assertThat(assigned.path("assignedByUnitId").asLong()).isEqualTo(steps.unitId(ProblemSteps.STREET));
	}

	@Test
	void aSplitParentClosesOnlyWhenEveryChildHasClosed() {
		long parent = steps.register("nanan.admin", Api.uniqueCode("split "));
		steps.ok("nanan.admin", parent, "accept");
		long huayuanlu = steps.unitId(ProblemSteps.STREET);
		long tongyuanju = steps.unitId("500108901");
		steps.ok("nanan.admin", parent, "split", "unitIds", List.of(huayuanlu, tongyuanju));

		JsonNode detail = api.get(steps.token("nanan.admin"), "/api/v1/problems/" + parent).json();
		assertThat(detail.path("problem").path("state").asString()).isEqualTo("RECTIFYING");
		assertThat(detail.path("children")).hasSize(2);
		long first = detail.path("children").get(0).path("id").asLong();
		long second = detail.path("children").get(1).path("id").asLong();
		long huayuanluChild = detail.path("children").get(0).path("responsibleUnitId").asLong() == huayuanlu ? first : second;
		long otherChild = huayuanluChild == first ? second : first;

		// the parent cannot be submitted while its children are open
		assertThat(steps.command("nanan.admin", parent, "submit", "evidence", "all done").status()).isEqualTo(409);

		// Huayuanlu's child goes through to closure
		steps.ok("huayuanlu.worker", huayuanluChild, "plan", "measures", "fix our part");
		steps.ok("huayuanlu.worker", huayuanluChild, "submit", "evidence", "our part done");
		steps.ok("nanan.admin", huayuanluChild, "recognize");
		steps.ok("huayuanlu.worker", huayuanluChild, "recognize");
		assertThat(steps.state(huayuanluChild)).isEqualTo("CLOSED");
		assertThat(steps.command("nanan.admin", parent, "submit", "evidence", "all done").status()).isEqualTo(409);

		// Tongyuanju street has no demo account: the district takes its child back and works it itself,
		// so the city office holds the responsible side
		steps.ok("nanan.admin", otherChild, "escalate", "reason", "no account at the street in the demo");
		steps.ok("nanan.admin", otherChild, "assign", "unitId", steps.unitId("500108"));
		steps.ok("nanan.admin", otherChild, "plan", "measures", "district does it");
		steps.ok("nanan.admin", otherChild, "submit", "evidence", "district did it");
		steps.ok("nanan.admin", otherChild, "recognize");
		steps.ok("city.admin", otherChild, "recognize");
		assertThat(steps.state(otherChild)).isEqualTo("CLOSED");

		// now the parent can be submitted and closed
		steps.ok("nanan.admin", parent, "submit", "evidence", "both parts done");
		steps.ok("nanan.admin", parent, "recognize");
		steps.ok("city.admin", parent, "recognize");
		assertThat(steps.state(parent)).isEqualTo("CLOSED");
	}

	@Test
	void aStreetSummonsDistrictDepartmentsWhichReportInAndAct() {
		long id = steps.register("nanan.admin", Api.uniqueCode("summons "));
		steps.ok("nanan.admin", id, "accept");
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		steps.ok("huayuanlu.worker", id, "plan", "measures", "call in the departments");
		long housing = steps.unitId("500108-D01");
		long urban = steps.unitId("500108-D03");

		// only departments of its own district can be summoned, and only by a street
		assertThat(api.post(steps.token("huayuanlu.worker"), "/api/v1/problems/" + id + "/summons",
				Api.json("departmentUnitIds", List.of(steps.unitId("500103")), "reason", "x")).status()).isEqualTo(400);
		Api.Reply summoned = api.post(steps.token("huayuanlu.worker"), "/api/v1/problems/" + id + "/summons",
				Api.json("departmentUnitIds", List.of(housing, urban), "reason", "pipes and pavement", "emergency", true));
		assertThat(summoned.status()).as(summoned.body()).isEqualTo(200);

		// the department now sees the problem and reports in once
		assertThat(api.get(steps.token("nanan.housing"), "/api/v1/problems/" + id).status()).isEqualTo(200);
		Api.Reply reported = api.post(steps.token("nanan.housing"), "/api/v1/problems/" + id + "/summons/report-in",
				Api.json("person", "陈办事员"));
		assertThat(reported.status()).as(reported.body()).isEqualTo(200);
		assertThat(api.post(steps.token("nanan.housing"), "/api/v1/problems/" + id + "/summons/report-in",
				Api.json("person", "again")).status()).isEqualTo(409);
		assertThat(api.post(steps.token("nanan.housing"), "/api/v1/problems/" + id + "/summons/act",
				Api.json("note", "pipes replaced")).status()).isEqualTo(200);
		// Yuzhong cannot report in to a Nan'an summons
		assertThat(api.post(steps.token("jiefangbei.worker"), "/api/v1/problems/" + id + "/summons/report-in",
				Api.json("person", "x")).status()).isEqualTo(404);

		JsonNode summons = api.get(steps.token("nanan.admin"), "/api/v1/problems/" + id).json().path("summonses").get(0);
		assertThat(summons.path("emergency").asBoolean()).isTrue();
		assertThat(summons.path("closedAt").isNull()).as("open until every department acted").isTrue();
		for (JsonNode department : summons.path("departments")) {
			if (department.path("unitId").asLong() == housing) {
				assertThat(department.path("person").asString()).isEqualTo("陈办事员");
				assertThat(department.path("actedAt").isNull()).isFalse();
			}
			else {
				assertThat(department.path("reportedAt").isNull()).isTrue();
			}
		}
	}

}
