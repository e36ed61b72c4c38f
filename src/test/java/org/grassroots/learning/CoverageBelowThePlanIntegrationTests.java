package org.grassroots.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Nan'an's demo plan (本月主题教育理论学习) as the people below Nan'an see it: a street's caseworker
 * opens it at their own street, drills down only within their scope, and sees where they are; a
 * unit without members has no coverage, not 0%; the export is named for the plan and the unit.
 */
@IntegrationTest
class CoverageBelowThePlanIntegrationTests {

	static final String PLAN = "本月主题教育理论学习";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	long plan;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		plan = jdbc.sql("select min(id) from study_plan where title = :title").param("title", PLAN).query(Long.class).single();
	}

	@Test
	void aStreetCaseworkerOpensTheDistrictsPlanAtTheirOwnStreet() throws Exception {
		// given the district's plan, which huayuanlu.worker sees in the list of plans
		PageClient street = signedIn("huayuanlu.worker");
		assertThat(street.get("/learning").body()).contains("/learning/plans/" + plan);

		// when they open it
		HttpResponse<String> page = street.get("/learning/plans/" + plan);

		// then it opens at Huayuanlu street, with its communities, under a breadcrumb from the city
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(text(page.body(), "coverage-unit")).contains("花园路街道");
		assertThat(page.body()).contains("data-unit=\"500108002001\"");
		String lineage = element(page.body(), "coverage-lineage");
		assertThat(lineage).contains("重庆市", "南岸区", "花园路街道");
		// the city and the district lie outside the street's scope: named, not linked
		assertThat(lineage).doesNotContain("unitId=" + unitId("500000")).doesNotContain("unitId=" + unitId("500108"));
		// a community with members opens
		assertThat(page.body()).contains("/learning/plans/" + plan + "?unitId=" + unitId("500108002001"));

		// the API answers the same
		JsonNode coverage = api.get(api.token("huayuanlu.worker"), "/api/v1/learning/plans/" + plan + "/coverage").json();
		assertThat(coverage.path("total").path("unitCode").asString()).isEqualTo("500108002");
		List<String> steps = new ArrayList<>();
		coverage.path("lineage").forEach(step -> steps.add(step.path("unitCode").asString() + " " + step.path("open").asBoolean()));
		assertThat(steps).containsExactly("500000 false", "500108 false", "500108002 true");

		// and a community of the street drills down, with the street in the breadcrumb as a link
		HttpResponse<String> community = street.get("/learning/plans/" + plan + "?unitId=" + unitId("500108002001"));
		assertThat(community.statusCode()).isEqualTo(200);
		assertThat(element(community.body(), "coverage-lineage")).contains("unitId=" + unitId("500108002"));
	}

	@Test
	void outsideTheCallersScopeTheCoverageIsNotFoundOnAPageWithNavigation() throws Exception {
		// the district itself and another street of Nan'an, asked for by the street's caseworker
		PageClient street = signedIn("huayuanlu.worker");
		for (String code : new String[] { "500108", otherNananStreet() }) {
			HttpResponse<String> page = street.get("/learning/plans/" + plan + "?unitId=" + unitId(code));
			assertThat(page.statusCode()).as(code).isEqualTo(404);
			assertNavigation(page.body(), "huayuanlu.worker");
		}
		// a Yuzhong caseworker and administrator, for Nan'an's street: not found, with their navigation
		for (String username : new String[] { "jiefangbei.worker", "yuzhong.admin" }) {
			HttpResponse<String> page = signedIn(username).get("/learning/plans/" + plan + "?unitId=" + unitId("500108002"));
			assertThat(page.statusCode()).as(username).isEqualTo(404);
			assertNavigation(page.body(), username);
			assertThat(api.get(api.token(username), "/api/v1/learning/plans/" + plan + "/coverage?unitId=" + unitId("500108002"))
				.status()).as(username).isEqualTo(404);
		}
	}

	@Test
	void theDistrictStillOpensAtItsPlanAndAUnitWithoutMembersHasADash() throws Exception {
		// given Nan'an's administrator and the streets of Nan'an, most of them without members
		JsonNode coverage = api.get(api.token("nanan.admin"), "/api/v1/learning/plans/" + plan + "/coverage").json();
		assertThat(coverage.path("total").path("unitCode").asString()).isEqualTo("500108");
		List<String> empty = new ArrayList<>();
		coverage.path("rows").forEach(row -> {
			if (row.path("members").asInt() == 0) {
				assertThat(row.path("percent").isNull()).as(row.toString()).isTrue();
				empty.add(row.path("unitCode").asString());
			}
		});
		assertThat(empty).isNotEmpty();

		// when the page shows them
		HttpResponse<String> page = signedIn("nanan.admin").get("/learning/plans/" + plan);

		// then each has a dash where a percentage would be, and the heading counts everyone behind
		for (String code : empty) {
			Matcher row = Pattern.compile("data-unit=\"" + code + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page.body());
			assertThat(row.find()).as(code).isTrue();
			assertThat(row.group(1)).as(code).containsPattern("class=\"percent\"[^>]*>—<");
		}
		int behind = coverage.path("total").path("members").asInt() - coverage.path("total").path("met").asInt();
		assertThat(text(page.body(), "behind-title")).isEqualTo("未达标党员（" + behind + " 名）");
		assertThat(page.body().split("<li>", -1).length - 1).isGreaterThanOrEqualTo(behind);
	}

	@Test
	void theExportIsNamedForThePlanTheUnitAndTheDay() throws Exception {
		// when the street's caseworker exports the coverage of their street
		HttpResponse<byte[]> xlsx = signedIn("huayuanlu.worker").bytes("/learning/plans/" + plan + "/coverage.xlsx");

		// then the file is named for what, whose and when, in Chinese with an ASCII name beside it
		assertThat(xlsx.statusCode()).isEqualTo(200);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String disposition = xlsx.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith("attachment; ")
			.contains("filename=\"coverage-plan" + plan + "-500108002-" + today + ".xlsx\"");
		assertThat(utf8Name(disposition)).isEqualTo("覆盖率-" + PLAN + "-花园路街道-" + today + ".xlsx");
	}

	/** The name a browser takes from {@code filename*=UTF-8''…} (RFC 6266). */
	static String utf8Name(String disposition) {
		Matcher name = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
		assertThat(name.find()).as(disposition).isTrue();
		return URLDecoder.decode(name.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** A 404 page still carries the signed-in person's navigation, so they are not stranded. */
	static void assertNavigation(String body, String username) {
		assertThat(body).contains("id=\"nav-main\"").contains("id=\"logout\"")
			.contains("(" + username + ")").contains("id=\"error-text\"");
	}

	private String otherNananStreet() {
		return jdbc.sql("""
				select min(code) from unit where path like '/500000/500108/%' and level = 'STREET' and code <> '500108002'
				""").query(String.class).single();
	}

	private long unitId(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

	private static String text(String body, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).trim();
	}

	private static String element(String body, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</ol>", Pattern.DOTALL).matcher(body);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1);
	}

}
