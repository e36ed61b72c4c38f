package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * One topic a month (每月一题): the city administrator picks it through the API and the page
 * (audited, with the version seen), others are refused; every district's dashboard shows it with
 * the categories' numbers, earlier topics with their months after; and the link to a unit's
 * monthly reports appears only where the viewer's scope covers the unit.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	YearMonth month;

	String cityToken;

	@BeforeAll
	void setUp() {
		api = new Api(port);
		month = YearMonth.now(Times.ZONE);
		cityToken = api.token("city.admin");
	}

	@Test
	void theCityAdministratorPicksTheTopicOthersAreRefusedAndAStaleVersionIs409() {
		String category = mostFrequentCategory();
		int version = versionOf(month);
		long audited = audited(month);

		Api.Reply picked = api.put(cityToken, "/api/v1/dashboard/topics/" + month,
				Api.json("category", category, "note", "集中整治，举一反三", "version", version));
		assertThat(picked.status()).as(picked.body()).isEqualTo(200);
		assertThat(picked.json().path("categoryCode").asText()).isEqualTo(category);
		assertThat(picked.json().path("version").asInt()).isGreaterThan(version);
		assertThat(audited(month)).isEqualTo(audited + 1);

		// the same version again is stale; a district administrator is refused; bad input is a 400 in English
		assertThat(api.put(cityToken, "/api/v1/dashboard/topics/" + month,
				Api.json("category", category, "note", "again", "version", version)).status()).isEqualTo(409);
		assertThat(api.put(api.token("nanan.admin"), "/api/v1/dashboard/topics/" + month,
				Api.json("category", category, "note", "mine", "version", picked.json().path("version").asInt()))
			.status()).isEqualTo(403);
		Api.Reply unknown = api.put(cityToken, "/api/v1/dashboard/topics/" + month,
				Api.json("category", "NO_SUCH", "note", "x", "version", picked.json().path("version").asInt()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("Choose a valid problem category.");
		assertThat(api.put(cityToken, "/api/v1/dashboard/topics/" + month.plusMonths(5),
				Api.json("category", category, "note", "x", "version", 0)).status()).isEqualTo(400);

		// changing it later is allowed and audited
		Api.Reply changed = api.put(cityToken, "/api/v1/dashboard/topics/" + month,
				Api.json("category", category, "note", "改为：小区环境", "version", picked.json().path("version").asInt()));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(audited(month)).isEqualTo(audited + 2);
		assertThat(api.get(cityToken, "/api/v1/dashboard/topics").body()).contains("改为：小区环境");
	}

	@Test
	void aDistrictsDashboardShowsTheTopicWithTheCategoriesNumbersAndEarlierTopicsMonthsAfter() throws Exception {
		String category = mostFrequentCategory();
		pick(month, category);
		pick(month.minusMonths(1), category);
		String cadre = api.token("nanan.cadre");

		JsonNode topics = api.get(cadre, "/api/v1/dashboard/units/500108/topics?month=" + month).json();
		JsonNode categories = api.get(cadre, "/api/v1/dashboard/units/500108/categories?month=" + month).json();
		JsonNode counted = null;
		for (JsonNode row : categories) {
			if (row.path("categoryCode").asText().equals(category)) {
				counted = row;
			}
		}
		assertThat(counted).isNotNull();
		JsonNode current = topics.path("current");
		assertThat(current.path("topic").path("categoryCode").asText()).isEqualTo(category);
		assertThat(current.path("months").get(0).path("received").asLong()).isEqualTo(counted.path("received").asLong());
		assertThat(current.path("before").asLong()).isEqualTo(counted.path("previous").asLong());
		assertThat(current.path("change").asLong()).isEqualTo(counted.path("change").asLong());
		// last month's topic: its month and this month, as the categories gave them
		JsonNode earlier = topics.path("earlier").get(0);
		assertThat(earlier.path("topic").path("month").asText()).isEqualTo(month.minusMonths(1).toString());
		assertThat(earlier.path("months")).hasSize(2);
		assertThat(earlier.path("months").get(0).path("received").asLong()).isEqualTo(counted.path("previous").asLong());
		assertThat(earlier.path("months").get(1).path("received").asLong()).isEqualTo(counted.path("received").asLong());

		// the page shows the same numbers, the category by its name
		PageClient page = signedIn("nanan.cadre");
		String body = page.get("/dashboard/units/500108").body();
		assertThat(text(body, "topic-category")).isEqualTo(counted.path("nameZh").asText());
		assertThat(text(body, "topic-received")).isEqualTo(counted.path("received").asText());
		assertThat(text(body, "topic-previous")).isEqualTo(counted.path("previous").asText());
		assertThat(body).contains("id=\"topic-earlier\"");
		// a street's dashboard shows it for the street
		assertThat(signedIn("huayuanlu.worker").get("/dashboard/units/500108002").body()).contains("id=\"topic-category\"");
	}

	@Test
	void anotherDistrictsUserSeesTheDistrictsTopicFiguresButGets404BelowIt() {
		String yuzhong = api.token("yuzhong.admin");
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108/topics").status()).isEqualTo(200);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108002/topics").status()).isEqualTo(404);
		assertThat(api.get(api.token("member.li"), "/api/v1/dashboard/topics").status()).isEqualTo(403);
	}

	@Test
	void theTopicsPageListsTheFrequentCategoriesAndSavesWithTheVersionSeen() throws Exception {
		String category = mostFrequentCategory();
		PageClient admin = signedIn("city.admin");
		String page = admin.get("/dashboard/topics?month=" + month).body();
		assertThat(page).contains("id=\"high-frequency\"").contains("id=\"topic-form\"")
			.contains("data-category=\"" + category + "\"");
		// the month saved is the month whose page (and version) was opened; another month is opened, not typed in
		assertThat(page).contains("<input type=\"hidden\" name=\"month\" value=\"" + month + "\">")
			.contains("id=\"topic-month-form\"");
		int version = versionOf(month);
		HttpResponse<String> saved = admin.submit("/dashboard/topics", "/dashboard/topics", "month=" + month
				+ "&category=" + category + "&note=" + PageClient.encode("页面选题") + "&version=" + version);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/dashboard/topics?month=" + month).body()).contains("页面选题").contains("alert-success");
		// the same version again: the stale message in the user's language
		admin.submit("/dashboard/topics", "/dashboard/topics", "month=" + month + "&category=" + category
				+ "&note=x&version=" + version);
		assertThat(admin.get("/dashboard/topics?month=" + month).body()).contains("该记录已被他人修改，请刷新后重试。");
		// a district administrator sees the topics without the form, and a post is refused
		PageClient district = signedIn("nanan.admin");
		String seen = district.get("/dashboard/topics").body();
		assertThat(seen).contains("id=\"topics\"").doesNotContain("id=\"topic-form\"");
		district.post("/dashboard/topics", "month=" + month + "&category=" + category + "&note=no&version="
				+ versionOf(month) + "&_csrf=" + district.csrf("/dashboard/topics"));
		assertThat(district.get("/dashboard/topics?month=" + month).body()).contains("alert-danger");
		assertThat(api.get(cityToken, "/api/v1/dashboard/topics").body()).doesNotContain("\"note\":\"no\"");
	}

	@Test
	void theLinkToMonthlyReportsAppearsOnlyWhereTheViewersScopeCoversTheUnit() throws Exception {
		assertThat(signedIn("city.admin").get("/dashboard/units/500000").body())
			.contains("href=\"/dashboard/units/500000/reports\"");
		assertThat(signedIn("nanan.cadre").get("/dashboard/units/500108").body())
			.contains("href=\"/dashboard/units/500108/reports\"");
		assertThat(signedIn("huayuanlu.worker").get("/dashboard/units/500108002").body())
			.contains("href=\"/dashboard/units/500108002/reports\"");
		// a district user on the city view: the city is published, its reports are not theirs
		assertThat(signedIn("yuzhong.admin").get("/dashboard/units/500000").body()).doesNotContain("id=\"reports-link\"")
			.doesNotContain("/dashboard/units/500000/reports");
	}

	private String mostFrequentCategory() {
		return api.get(cityToken, "/api/v1/dashboard/units/500000/categories?month=" + month).json().get(0)
			.path("categoryCode").asText();
	}

	private void pick(YearMonth topicMonth, String category) {
		Api.Reply reply = api.put(cityToken, "/api/v1/dashboard/topics/" + topicMonth,
				Api.json("category", category, "note", "测试选题", "version", versionOf(topicMonth)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private int versionOf(YearMonth topicMonth) {
		for (JsonNode topic : api.get(cityToken, "/api/v1/dashboard/topics").json()) {
			if (topic.path("month").asText().equals(topicMonth.toString())) {
				return topic.path("version").asInt();
			}
		}
		return 0;
	}

	private long audited(YearMonth topicMonth) {
		return jdbc.sql("select count(*) from audit_record where kind = 'DASHBOARD_TOPIC_CHOSEN' and subject_id = :id")
			.param("id", topicMonth.toString())
			.query(Long.class)
			.single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient client = new PageClient(port);
		client.signIn(username, Api.DEMO_PASSWORD);
		return client;
	}

	private static String text(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).trim();
	}

}
