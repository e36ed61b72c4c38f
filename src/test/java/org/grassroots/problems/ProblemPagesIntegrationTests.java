package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The problem pages as each side sees them: what they show, what they refuse, in the user's language. */
@IntegrationTest
class ProblemPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		steps = new ProblemSteps(new Api(port));
	}

	@Test
	void everyPartyOpensTheDetailPageAndScriptInTextIsShownEscaped() throws Exception {
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "OTHER", Api.uniqueCode("<script>alert(1)</script> "));
		steps.ok("nanan.admin", report.id(), "accept");
		steps.ok("nanan.admin", report.id(), "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		for (String username : new String[] { "nanan.admin", "huayuanlu.worker", "nanan.cadre", "city.admin", "steering.group" }) {
			PageClient pages = new PageClient(port);
			pages.signIn(username, Api.DEMO_PASSWORD);
			HttpResponse<String> page = pages.get("/problems/" + report.id());
			assertThat(page.statusCode()).as(username).isEqualTo(200);
			assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
			assertThat(page.body().contains("id=\"plan-form\"")).as(username + " may plan").isEqualTo(username.equals("huayuanlu.worker"));
		}
	}

	@Test
	void anotherDistrictGetsTheNotFoundPage() throws Exception {
		long id = steps.register("nanan.admin", Api.uniqueCode("hidden "));
		for (String username : new String[] { "yuzhong.admin", "jiefangbei.worker" }) {
			PageClient pages = new PageClient(port);
			pages.signIn(username, Api.DEMO_PASSWORD);
			assertThat(pages.get("/problems/" + id).statusCode()).as(username).isEqualTo(404);
			assertThat(pages.get("/problems/" + id + "/attachments/1").statusCode()).isEqualTo(404);
		}
		PageClient member = new PageClient(port);
		member.signIn("member.li", Api.DEMO_PASSWORD);
		assertThat(member.get("/problems").statusCode()).isEqualTo(403);
	}

	@Test
	void aRefusedCommandOnAPageSaysWhyInChineseAndChangesNothing() throws Exception {
		long id = steps.register("nanan.admin", Api.uniqueCode("page refusal "));
		int version = steps.version(id);
		PageClient pages = new PageClient(port);
		pages.signIn("nanan.admin", Api.DEMO_PASSWORD);
		pages.submit("/problems/" + id, "/problems/" + id + "/accept", "version=" + version);

		// declining an accepted problem is an illegal transition, named in Chinese
		pages.submit("/problems/" + id, "/problems/" + id + "/decline", "version=" + (version + 1) + "&note=x");
		assertThat(pages.get("/problems/" + id).body()).contains("问题当前状态为 受理，不能执行 不予受理。");

		// a note sent with the version the page showed before someone else changed it is refused
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		pages.submit("/problems/" + id, "/problems/" + id + "/notes", "version=" + (version + 1) + "&note=late");
		assertThat(pages.get("/problems/" + id).body()).contains("id=\"error\"").contains("已被他人修改");
		assertThat(steps.state(id)).isEqualTo("ASSIGNED");
		assertThat(steps.problem("nanan.admin", id).path("version").asInt()).isEqualTo(version + 2);
	}

	@Test
	void theResidentReportPageShowsPossibleDuplicatesBeforeSaving() throws Exception {
		String title = Api.uniqueCode("elevator noise ");
		steps.report(ProblemSteps.COMMUNITY, "ELEVATOR", title);
		long community = steps.unitId(ProblemSteps.COMMUNITY);
		int before = jdbc.sql("select count(*) from problem").query(Integer.class).single();
		PageClient resident = new PageClient(port);
		HttpResponse<String> shown = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=ELEVATOR&title=" + PageClient.encode("电梯噪音") + "&description=" + PageClient.encode("夜里很吵"));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"duplicates\"").contains(title);
		assertThat(jdbc.sql("select count(*) from problem").query(Integer.class).single()).isEqualTo(before);

		HttpResponse<String> saved = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=ELEVATOR&title=" + PageClient.encode("电梯噪音") + "&description=" + PageClient.encode("夜里很吵")
				+ "&duplicateChoice=new");
		assertThat(saved.body()).contains("id=\"tracking-code\"");
		assertThat(jdbc.sql("select count(*) from problem").query(Integer.class).single()).isEqualTo(before + 1);

		HttpResponse<String> bad = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=ELEVATOR&title=t&description=d&phone=123&duplicateChoice=new");
		assertThat(bad.body()).contains("id=\"error\"").contains("phone");
	}

	@Test
	void staffRegisterOnThePageWithALocationOrAreToldWhatIsMissing() throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
		String title = Api.uniqueCode("broken streetlight ");
		String form = "source=SELF_FOUND&categoryCode=OTHER&urgency=GENERAL&type=IMMEDIATE&latitude=29.52&longitude=106.57"
				+ "&address=" + PageClient.encode("南坪西路 8 号") + "&description=" + PageClient.encode("路灯坏了三天");
		HttpResponse<String> saved = pages.submit("/problems/new", "/problems/new", form + "&title=" + PageClient.encode(title));
		assertThat(saved.statusCode()).isEqualTo(302);
		String detail = pages.get(saved.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, ""))
			.body();
		assertThat(detail).contains(title).contains("已登记");
		assertThat(jdbc.sql("select latitude from problem where title = :title").param("title", title)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("29.52");

		HttpResponse<String> refused = pages.submit("/problems/new", "/problems/new", form + "&title=");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"error\"").contains("title");
		HttpResponse<String> longTerm = pages.submit("/problems/new", "/problems/new",
				form.replace("type=IMMEDIATE", "type=LONG_TERM") + "&title=x");
		assertThat(longTerm.body()).contains("长期整改须至少有一个阶段目标");
	}

}
