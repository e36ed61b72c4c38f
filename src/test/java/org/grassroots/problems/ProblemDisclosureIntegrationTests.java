package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What refusals and the public surfaces tell about units and problems the caller may not see. */
@IntegrationTest
class ProblemDisclosureIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void escalatingToAForeignOrUnknownUnitSaysOnlyThatTheUnitIsNotAvailable() {
		long id = steps.register("nanan.admin", Api.uniqueCode("escalate probe "));
		steps.ok("nanan.admin", id, "accept");

		for (long target : new long[] { steps.unitId("500103901"), Long.MAX_VALUE }) {
			Api.Reply refused = steps.command("nanan.admin", id, "escalate", "unitId", target, "reason", "probe");
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("problems.error.unit-unavailable");
			assertThat(refused.body()).doesNotContain("解放碑").doesNotContain("Jiefangbei");
		}
		// a unit the person sees but that is not above is still named
		Api.Reply below = steps.command("nanan.admin", id, "escalate", "unitId", steps.unitId(ProblemSteps.STREET), "reason",
				"down");
		assertThat(below.text("code")).isEqualTo("problems.error.not-upper-unit");
		assertThat(below.body()).contains("花园路街道");
		// another district cannot even find the problem
		assertThat(steps.command("yuzhong.admin", id, "escalate", "reason", "x").status()).isEqualTo(404);
		assertThat(steps.state(id)).isEqualTo("ACCEPTED");
	}

	@Test
	void summoningAForeignUnitSaysOnlyThatTheUnitIsNotAvailable() {
		long id = steps.register("nanan.admin", Api.uniqueCode("summons probe "));
		steps.ok("nanan.admin", id, "accept");
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		steps.ok("huayuanlu.worker", id, "plan", "measures", "call in the departments");

		Api.Reply refused = api.post(steps.token("huayuanlu.worker"), "/api/v1/problems/" + id + "/summons",
				Api.json("departmentUnitIds", List.of(steps.unitId("500103901")), "reason", "probe"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("problems.error.unit-unavailable");
		assertThat(refused.body()).doesNotContain("解放碑");
		assertThat(api.post(steps.token("jiefangbei.worker"), "/api/v1/problems/" + id + "/summons",
				Api.json("departmentUnitIds", List.of(steps.unitId("500108-D01")), "reason", "probe")).status()).isEqualTo(404);
	}

}
