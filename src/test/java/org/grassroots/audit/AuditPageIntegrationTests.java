package org.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit page reads as sentences in the reader's language, with the fields that changed and
 * local times, filters by names, pages without counting, and shows only the reader's scope.
 */
@IntegrationTest
class AuditPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void anAcceptedProblemIsASentenceWithItsChangedFieldsInBothLanguages() throws Exception {
		String ledgerNo = jdbc.sql("select subject_id from audit_record where kind = 'PROBLEM_ACCEPT' and actor_name = 'nanan.admin'"
				+ " order by id fetch first 1 rows only").query(String.class).single();
		PageClient pages = signedIn("nanan.admin");

		String chinese = pages.get("/audit?kind=PROBLEM_ACCEPT&subject=" + ledgerNo).body();

		assertThat(record(chinese)).contains("南岸区主题教育办 受理了问题 " + ledgerNo).contains("状态").contains("登记")
			.contains("受理").contains("首次响应时间");
		assertThat(record(chinese)).doesNotContain("PROBLEM_ACCEPT").doesNotContain("{").doesNotContain("REPORTED")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d").doesNotContain("/500000/");
		pages.get("/?lang=en");
		String english = pages.get("/audit?kind=PROBLEM_ACCEPT&subject=" + ledgerNo).body();
		assertThat(record(english)).contains("南岸区主题教育办 accepted problem " + ledgerNo).contains("State")
			.contains("Accepted").contains("Nan&#39;an District");
	}

	@Test
	void aNewUnitShowsItsFieldsByNameAndItsTimeInShanghai() throws Exception {
		Api api = new Api(port);
		String token = api.token("city.admin");
		String name = "审计页" + Api.uniqueCode("") + "社区";
		long street = api.get(token, "/api/v1/units/by-code/500108002").json().path("id").asLong();
		api.post(token, "/api/v1/units", Api.json("code", Api.uniqueCode("A"), "parentId", street, "nameZh", name, "level", "COMMUNITY"));
		String recorded = jdbc.sql("select occurred_at from audit_record where kind = 'UNIT_CREATED' order by id desc fetch first 1 rows only")
			.query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single()
			.atZone(java.time.ZoneId.of("Asia/Shanghai"))
			.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

		String page = record(signedIn("nanan.admin").get("/audit?subject=" + PageClient.encode(name)).body());

		assertThat(page).contains("市委主题教育办 新建了单位 " + name).contains("社区/村").contains("花园路街道").contains(recorded)
			.doesNotContain("COMMUNITY").doesNotContain("version");
	}

	@Test
	void aUnitThatMovedOutOfTheReadersScopeIsNamedButNotLinked() throws Exception {
		Api api = new Api(port);
		String token = api.token("city.admin");
		String name = "迁出" + Api.uniqueCode("") + "社区";
		long street = api.get(token, "/api/v1/units/by-code/500108002").json().path("id").asLong();
		long yuzhongStreet = api.get(token, "/api/v1/units/by-code/500103901").json().path("id").asLong();
		Api.Reply created = api.post(token, "/api/v1/units",
				Api.json("code", Api.uniqueCode("M"), "parentId", street, "nameZh", name, "level", "COMMUNITY"));
		long id = created.json().path("id").asLong();
		PageClient worker = signedIn("huayuanlu.worker");
		assertThat(worker.get("/audit?subject=" + PageClient.encode(name)).body()).contains("href=\"/units/" + id + "\"");

		api.post(token, "/api/v1/units/" + id + "/move", Api.json("parentId", yuzhongStreet, "version",
				created.json().path("version").asInt()));

		// the creation happened in Huayuanlu, so the record stays in its log; the unit is now Yuzhong's (404 there)
		String page = worker.get("/audit?subject=" + PageClient.encode(name)).body();
		assertThat(page).contains(name).doesNotContain("href=\"/units/" + id + "\"");
		assertThat(worker.get("/units/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void aProblemWhoseUnitMovedOutOfTheReadersScopeIsNamedButNotLinked() throws Exception {
		Api api = new Api(port);
		String token = api.token("city.admin");
		long street = api.get(token, "/api/v1/units/by-code/500108002").json().path("id").asLong();
		long yuzhongStreet = api.get(token, "/api/v1/units/by-code/500103901").json().path("id").asLong();
		Api.Reply community = api.post(token, "/api/v1/units", Api.json("code", Api.uniqueCode("P"), "parentId", street,
				"nameZh", "问题迁出" + Api.uniqueCode("") + "社区", "level", "COMMUNITY"));
		long id = community.json().path("id").asLong();
		Api.Reply problem = api.post(token, "/api/v1/problems", Api.json("title", "迁出社区的问题", "description", "随社区迁出",
				"source", "SELF_FOUND", "categoryCode", "OTHER", "raisingUnitId", id, "locationUnitId", id));
		String ledgerNo = problem.json().path("ledgerNo").asString();
		long problemId = problem.json().path("id").asLong();
		PageClient worker = signedIn("huayuanlu.worker");
		assertThat(worker.get("/audit?subject=" + PageClient.encode(ledgerNo)).body())
			.contains("href=\"/problems/" + problemId + "\"");

		api.post(token, "/api/v1/units/" + id + "/move", Api.json("parentId", yuzhongStreet, "version",
				community.json().path("version").asInt()));

		String page = worker.get("/audit?subject=" + PageClient.encode(ledgerNo)).body();
		assertThat(page).contains(ledgerNo).doesNotContain("href=\"/problems/" + problemId + "\"");
		assertThat(worker.get("/problems/" + problemId).statusCode()).isEqualTo(404);
	}

	@Test
	void filtersTakeNames() throws Exception {
		PageClient pages = signedIn("nanan.admin");

		List<String> byName = sentences(pages.get("/audit?actor=" + PageClient.encode("花园路街道 张工作人员")).body());
		List<String> byUsername = sentences(pages.get("/audit?actor=huayuanlu.worker").body());
		assertThat(byName).isNotEmpty().isEqualTo(byUsername).allSatisfy(line -> assertThat(line).contains("花园路街道 张工作人员"));

		List<String> aboutTheAccount = sentences(pages.get("/audit?subject=" + PageClient.encode("李党员")).body());
		assertThat(aboutTheAccount).isNotEmpty().allSatisfy(line -> assertThat(line).contains("李党员 (member.li)"));

		List<String> aStreetByName = sentences(pages.get("/audit?kind=UNIT_CREATED&subject=" + PageClient.encode("花园路街道")).body());
		assertThat(aStreetByName).containsExactly("系统 新建了单位 花园路街道");

		String inTheStreet = pages.get("/audit?unit=" + PageClient.encode("花园路街道") + "&kind=UNIT_CREATED").body();
		assertThat(ids(inTheStreet)).isNotEmpty()
			.isEqualTo(jdbc.sql("select id from audit_record where kind = 'UNIT_CREATED' and unit_path like '/500000/500108/500108002/%'"
					+ " order by id desc fetch first 50 rows only").query(String.class).list());
		assertThat(inTheStreet).contains("data-unit-code=\"500108002\"");
	}

	@Test
	void anotherDistrictsRecordsAndUnitsAreNotShown() throws Exception {
		PageClient yuzhong = signedIn("yuzhong.admin");
		String nananLedgerNo = jdbc.sql("select subject_id from audit_record where kind = 'PROBLEM_ACCEPT' and actor_name = 'nanan.admin'"
				+ " order by id fetch first 1 rows only").query(String.class).single();

		String refused = yuzhong.get("/audit?unit=500108").body();
		assertThat(refused).contains("id=\"unit-error\"").contains("您的数据范围内没有单位“500108”").doesNotContain("id=\"audit-entries\"");
		assertThat(yuzhong.get("/audit?subject=" + nananLedgerNo).body()).contains("id=\"audit-none\"");
		assertThat(yuzhong.get("/audit?actor=nanan.admin").body()).contains("id=\"audit-none\"");
		assertThat(units(yuzhong.get("/audit").body())).isNotEmpty().allSatisfy(unit -> assertThat(unit).doesNotContain("南岸"));
	}

	@Test
	void fiftyAPageWithAPagerThatStopsAtBothEnds() throws Exception {
		String actor = Api.uniqueCode("pager.").toLowerCase();
		// written as the application writes them, with their content hashes, so the chain stays intact
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 60; i++) {
				events.publishEvent(AuditIntegrationTests.testEvent(actor));
			}
		});
		PageClient pages = signedIn("nanan.admin");

		String first = pages.get("/audit?actor=" + actor).body();
		assertThat(ids(first)).hasSize(50);
		assertThat(first).contains("第 1 页").doesNotContain("id=\"page-newer\"").contains("id=\"page-older\"");

		String second = pages.get(href(first, "page-older")).body();
		assertThat(ids(second)).hasSize(10).doesNotContainAnyElementsOf(ids(first));
		assertThat(second).contains("第 2 页").contains("id=\"page-newer\"").doesNotContain("id=\"page-older\"");
		assertThat(sentences(second)).allSatisfy(line -> assertThat(line).isEqualTo("以 " + actor + " 登录失败"));

		String back = pages.get(href(second, "page-newer")).body();
		assertThat(ids(back)).isEqualTo(ids(first));
		assertThat(back).contains("第 1 页").doesNotContain("id=\"page-newer\"");

		// a number made up in the address does not go below the first page
		assertThat(pages.get("/audit?actor=" + actor + "&page=-3&before=x").body()).contains("第 1 页");
	}

	@Test
	void badFiltersAreSaidOnThePage() throws Exception {
		PageClient pages = signedIn("nanan.admin");

		HttpResponse<String> badDay = pages.get("/audit?from=2026-13-40&actor=nobody");
		assertThat(badDay.statusCode()).isEqualTo(200);
		assertThat(badDay.body()).contains("无法识别日期“2026-13-40”").contains("value=\"nobody\"");
		assertThat(pages.get("/audit?kind=NO_SUCH_KIND").body()).contains("没有这种事项");
		assertThat(pages.get("/audit?from=2026-05-02&to=2026-05-01").body()).contains("起始日期不能晚于截止日期");
	}

	private static String record(String page) {
		int start = page.indexOf("id=\"audit-entries\"");
		assertThat(start).as("a table of records").isPositive();
		return page.substring(start, page.indexOf("</main>", start));
	}

	private static List<String> sentences(String page) {
		return all(page, "<div class=\"audit-sentence\">\\s*(?:<a [^>]*>|<span>)([^<]*)<");
	}

	private static List<String> units(String page) {
		return all(page, "<td class=\"small audit-unit\">([^<]*)<");
	}

	private static List<String> ids(String page) {
		return all(page, "<tr data-id=\"(\\d+)\">");
	}

	private static String href(String page, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private static List<String> all(String page, String regex) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex).matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1).trim());
		}
		return found;
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
