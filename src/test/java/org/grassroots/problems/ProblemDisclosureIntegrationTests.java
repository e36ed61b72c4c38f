package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What refusals and the public surfaces tell about units and problems the caller may not see. */
@IntegrationTest
class ProblemDisclosureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
		// out of Nan'an's queue, which the browser journey reads
		steps.ok("nanan.admin", id, "escalate", "reason", "tidy up");
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

	@Test
	void residentsReportOnlyAtACommunityOrStreetNeverOnTheCityOrADistrictOffice() throws Exception {
		int before = count();
		for (String office : new String[] { "500000", "500108", "500108-D01" }) {
			Api.Reply refused = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", steps.unitId(office),
					"categoryCode", "PARKING", "title", "office probe", "description", "x"));
			assertThat(refused.status()).as(office).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("problems.error.location-level");
			HttpResponse<String> page = new PageClient(port).submit("/report", "/report", "locationUnitId="
					+ steps.unitId(office) + "&categoryCode=PARKING&title=t&description=d&anonymous=true&duplicateChoice=new");
			assertThat(page.body()).contains("id=\"error\"").contains("请选择问题所在的社区（村）或街道（镇）");
		}
		assertThat(count()).isEqualTo(before);
		// a street and a community are places a resident may name
		for (String place : new String[] { ProblemSteps.STREET, ProblemSteps.COMMUNITY }) {
			long id = steps.report(place, "PARKING", Api.uniqueCode("place " + place + " ")).id();
			steps.ok("nanan.admin", id, "decline", "note", "tidy up");
		}
	}

	private int count() {
		return jdbc.sql("select count(*) from problem").query(Integer.class).single();
	}

	@Test
	void theDuplicateHintListsOnlyPublicTitlesAndStaffDecideWhichAreAudited() throws Exception {
		long community = steps.unitId(ProblemSteps.COMMUNITY);
		String lead = Api.uniqueCode("confidential lead ");
		Api.Reply registered = api.post(steps.token("nanan.admin"), "/api/v1/problems", Api.json("title", lead,
				"description", "from an inspection", "source", "UNIT_INSPECTION", "categoryCode", "HOUSING",
				"locationUnitId", community));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long id = registered.json().path("id").asLong();
		assertThat(registered.json().path("titlePublic").asBoolean()).isFalse();
		String residents = Api.uniqueCode("leaking roof ");
		ProblemSteps.Report resident = steps.report(ProblemSteps.COMMUNITY, "HOUSING", residents);

		// the hint, the report page and linking know only the resident's own report
		String hint = "/api/v1/public/reports/duplicates?locationUnitId=" + community + "&categoryCode=HOUSING";
		assertThat(api.get(null, hint).body()).contains(residents).doesNotContain(lead);
		HttpResponse<String> page = new PageClient(port).submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=HOUSING&title=t&description=d&anonymous=true");
		assertThat(page.body()).contains(residents).doesNotContain(lead);
		assertThat(linkTo(id).text("code")).isEqualTo("problems.error.not-a-duplicate");

		// another district finds nothing, a street that is no party may not, a stale version is refused
		assertThat(steps.command("yuzhong.admin", id, "publish", "titlePublic", true).status()).isEqualTo(404);
		assertThat(steps.command("huayuanlu.worker", id, "publish", "titlePublic", true).status()).isEqualTo(403);
		assertThat(api.post(steps.token("nanan.admin"), "/api/v1/problems/" + id + "/publish",
				Api.json("version", steps.version(id) - 1, "titlePublic", true)).status()).isEqualTo(409);
		assertThat(api.get(null, hint).body()).doesNotContain(lead);

		// the handling unit shows it on its page; residents may then link to it and follow it
		PageClient staff = new PageClient(port);
		staff.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(staff.get("/problems/" + id).body()).contains("id=\"publish-form\"");
		staff.submit("/problems/" + id, "/problems/" + id + "/publish", "version=" + steps.version(id) + "&titlePublic=true");
		assertThat(steps.problem("nanan.admin", id).path("titlePublic").asBoolean()).isTrue();
		assertThat(api.get(null, hint).body()).contains(lead);
		Api.Reply linked = linkTo(id);
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		String track = "/api/v1/public/reports/" + linked.text("trackingCode");
		assertThat(api.get(null, track).text("state")).isEqualTo("REPORTED");

		// withdrawn again, the linked report no longer follows it, and a resident's title can be withdrawn too
		steps.ok("nanan.admin", id, "publish", "titlePublic", false);
		assertThat(api.get(null, track).text("state")).isEqualTo("DECLINED");
		assertThat(api.get(null, track).json().path("timeline").toString()).contains("DECLINE");
		steps.ok("nanan.admin", resident.id(), "publish", "titlePublic", false);
		assertThat(api.get(null, hint).body()).doesNotContain(lead).doesNotContain(residents);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_id = :no and kind = 'PROBLEM_PUBLISH'")
			.param("no", registered.text("ledgerNo")).query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from problem_event where problem_id = :id and action = 'PUBLISH'")
			.param("id", id).query(Integer.class).single()).isEqualTo(2);
		steps.ok("nanan.admin", id, "decline", "note", "tidy up");
		steps.ok("nanan.admin", resident.id(), "decline", "note", "tidy up");
	}

	private Api.Reply linkTo(long id) {
		return api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", steps.unitId(ProblemSteps.COMMUNITY),
				"categoryCode", "HOUSING", "title", "same roof", "description", "me too", "duplicateOf", id));
	}

}
