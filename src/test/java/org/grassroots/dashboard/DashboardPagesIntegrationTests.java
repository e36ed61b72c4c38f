package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.dashboard.web.Percent;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard's pages as leaders use them: where each lands after signing in, the numbers of the
 * page equal the API's for the same unit and month, the Excel exports equal the page, a district
 * sees the published ranking but drills only into its own subtree, and the weights page answers a
 * stale version with a message in the user's language.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProblemIntake intake;

	@Autowired
	ProblemDispatch dispatch;

	@Autowired
	ProblemRectification rectification;

	@Autowired
	ProblemSupervision supervision;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	Api api;

	NananOverdue overdue;

	YearMonth month;

	@BeforeAll
	void anOverdueProblemInANananCommunity() {
		api = new Api(port);
		month = YearMonth.now(Times.ZONE);
		overdue = new NananOverdue(intake, dispatch, rectification, supervision, units, jdbc);
		overdue.make(Api.uniqueCode("南湖社区楼道灯不亮 "));
	}

	@AfterAll
	void closeIt() {
		overdue.close();
	}

	@Test
	void leadersLandOnTheirDashboardAndEveryoneElseOnTheirHomePage() throws Exception {
		for (String leader : List.of("city.admin", "nanan.admin", "nanan.cadre", "steering.group")) {
			assertThat(new PageClient(port).signIn(leader, Api.DEMO_PASSWORD)).as(leader).endsWith("/dashboard");
		}
		for (String other : List.of("huayuanlu.worker", "member.li")) {
			assertThat(new PageClient(port).signIn(other, Api.DEMO_PASSWORD)).as(other).endsWith("/");
		}
		// the cadre's dashboard is Nan'an's, the steering group's the city's with its two districts to open
		PageClient cadre = signedIn("nanan.cadre");
		HttpResponse<String> nanan = cadre.get("/dashboard");
		assertThat(nanan.statusCode()).isEqualTo(200);
		assertThat(text(nanan.body(), "dash-unit")).isEqualTo("南岸区");
		assertThat(nanan.body()).contains("id=\"nav-dashboard\"").contains("各街道排名");
		String steering = signedIn("steering.group").get("/dashboard").body();
		assertThat(text(steering, "dash-unit")).isEqualTo("重庆市");
		assertThat(steering).contains("href=\"/dashboard/units/500108?month=").contains("href=\"/dashboard/units/500103?month=");
		// a caseworker has no dashboard entry in the navigation; a party member is refused the page
		assertThat(signedIn("huayuanlu.worker").get("/").body()).doesNotContain("nav-dashboard");
		assertThat(signedIn("member.li").get("/dashboard").statusCode()).isEqualTo(403);
	}

	@Test
	void aYuzhongUserSeesNananRankedButDrillingIntoItAnswers404() throws Exception {
		PageClient yuzhong = signedIn("yuzhong.admin");
		String city = yuzhong.get("/dashboard/units/500000").body();
		String nananRow = row(city, "500108");
		assertThat(nananRow).as("Nan'an is ranked").contains("南岸区").doesNotContain("href=\"/dashboard/units/500108");
		assertThat(row(city, "500103")).contains("href=\"/dashboard/units/500103?month=");
		// the city's numbers are published bare: the problems behind them are the whole city's
		assertThat(city).doesNotContain("/dashboard/units/500000/problems").doesNotContain("id=\"reports-link\"");
		assertThat(yuzhong.get("/dashboard/units/500000/problems?measure=RECEIVED").statusCode()).isEqualTo(404);
		assertThat(yuzhong.get("/dashboard/topics").body()).doesNotContain("/dashboard/units/500000/problems");
		assertThat(signedIn("city.admin").get("/dashboard/units/500000").body()).contains("/dashboard/units/500000/problems");
		for (String path : List.of("/dashboard/units/500108", "/dashboard/units/500108002", "/dashboard/units/" + NananOverdue.COMMUNITY,
				"/dashboard/units/500108/problems?measure=OVERDUE", "/dashboard/units/500108/ranking.xlsx",
				"/dashboard/units/500108/heat.xlsx", "/dashboard/units/500108/trend.xlsx",
				"/dashboard/units/500108/categories.xlsx", "/dashboard/units/500108/campaign.xlsx")) {
			HttpResponse<String> refused = yuzhong.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(404);
		}
		// a street sees its own communities, not the district above it
		PageClient street = signedIn("huayuanlu.worker");
		assertThat(street.get("/dashboard/units/500108002").statusCode()).isEqualTo(200);
		assertThat(street.get("/dashboard/units/500108").statusCode()).isEqualTo(404);
	}

	@Test
	void thePageShowsTheApisNumbersForTheSameUnitAndMonth() throws Exception {
		String token = api.token("city.admin");
		PageClient admin = signedIn("city.admin");
		for (String code : List.of("500000", "500108", "500108002")) {
			String page = admin.get("/dashboard/units/" + code + "?month=" + month).body();
			JsonNode figures = api.get(token, "/api/v1/dashboard/units/" + code + "/figures?month=" + month).json();
			assertThat(text(page, "fig-received")).as(code).isEqualTo(figures.path("received").asString());
			assertThat(text(page, "fig-overdue")).as(code).isEqualTo(figures.path("overdueNow").asString());
			assertThat(text(page, "fig-supervised")).as(code).isEqualTo(figures.path("supervisedNow").asString());
			assertThat(text(page, "fig-response")).as(code).isEqualTo(percent(figures.path("responseRate")));
			assertThat(text(page, "fig-resolution")).as(code).isEqualTo(percent(figures.path("resolutionRate")));
			assertThat(text(page, "fig-satisfaction")).as(code).isEqualTo(percent(figures.path("satisfactionRate")));
			assertThat(text(page, "fig-on-time")).as(code).isEqualTo(percent(figures.path("onTimeRate")));
			assertThat(text(page, "fig-score")).as(code).isEqualTo(score(figures.path("score")));
			JsonNode learning = api.get(token, "/api/v1/dashboard/units/" + code + "/learning?month=" + month).json();
			assertThat(text(page, "fig-coverage")).as(code).isEqualTo(percent(learning.path("coverage")));
			assertThat(text(page, "fig-check-ins")).as(code).isEqualTo(learning.path("checkIns").asString());

			JsonNode ranking = api.get(token, "/api/v1/dashboard/units/" + code + "/ranking?month=" + month).json();
			for (JsonNode place : ranking.path("places")) {
				JsonNode f = place.path("figures");
				String row = row(page, f.path("unitCode").asString());
				assertThat(row).contains("data-rank=\"" + place.path("rank").asInt() + "\"");
				assertThat(cells(row, "class=\"score\"[^>]*>([^<]*)<")).containsExactly(score(f.path("score")));
				JsonNode l = place.path("learning");
				assertThat(cells(row, "class=\"rate\"[^>]*>([^<]*)<")).containsExactly(percent(f.path("responseRate")),
						percent(f.path("resolutionRate")), percent(f.path("satisfactionRate")), percent(f.path("onTimeRate")),
						percent(l.path("coverage")));
				assertThat(cells(row, "class=\"d-block text-muted counts\">([^<]*)<")).containsExactly(
						f.path("responded").asLong() + " / " + f.path("received").asLong(),
						f.path("resolved").asLong() + " / " + f.path("closed").asLong(),
						f.path("satisfied").asLong() + " / " + f.path("rated").asLong(),
						f.path("closedOnTime").asLong() + " / " + f.path("closed").asLong(),
						l.path("met").asLong() + " / " + l.path("members").asLong());
				assertThat(cells(row, "class=\"check-ins\"[^>]*>([^<]*)<")).containsExactly(l.path("checkIns").asString());
			}
		}
	}

	@Test
	void fromTheCityTwoClicksReachACommunitysOverdueProblems() throws Exception {
		PageClient admin = signedIn("city.admin");
		// click 1: Nan'an in the city ranking
		String city = admin.get("/dashboard").body();
		assertThat(row(city, "500108")).contains("href=\"/dashboard/units/500108?month=" + month + "\"");
		String nanan = admin.get("/dashboard/units/500108?month=" + month).body();
		// its heat table lists the community with the overdue problem, under its street
		String community = row(nanan, NananOverdue.COMMUNITY);
		assertThat(community).contains("data-parent=\"500108002\"").contains("heat-");
		String link = "/dashboard/units/" + NananOverdue.COMMUNITY + "/problems?month=" + month + "&amp;measure=OVERDUE";
		assertThat(community).contains(link);
		// click 2: the community's overdue problems, with the one made here
		String list = admin.get(link.replace("&amp;", "&")).body();
		assertThat(list).contains("/problems/" + overdue.id() + "\"").contains("南湖社区楼道灯不亮");
		// overdue now is an exact list: no line saying it is only the nearest
		assertThat(list).doesNotContain("id=\"behind-nearest\"");
	}

	@Test
	void everyExportHoldsTheNumbersOfThePage() throws Exception {
		PageClient admin = signedIn("city.admin");
		String token = api.token("city.admin");
		String code = "500108";
		JsonNode own = api.get(token, "/api/v1/dashboard/units/" + code + "/figures?month=" + month).json();
		JsonNode ranking = api.get(token, "/api/v1/dashboard/units/" + code + "/ranking?month=" + month).json();
		HttpResponse<byte[]> xlsx = admin.bytes("/dashboard/units/" + code + "/ranking.xlsx?month=" + month);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("单位");
			assertFigures(sheet.getRow(1), own);
			assertLearning(sheet.getRow(1), api.get(token, "/api/v1/dashboard/units/" + code + "/learning?month=" + month).json());
			int r = 2;
			for (JsonNode place : ranking.path("places")) {
				Row row = sheet.getRow(r++);
				assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(place.path("rank").asInt());
				assertFigures(row, place.path("figures"));
				assertLearning(row, place.path("learning"));
			}
			assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
		}

		// the heat table: the page's rows, in its order, with the same counts
		String page = admin.get("/dashboard/units/" + code + "?month=" + month).body();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(admin.bytes("/dashboard/units/" + code + "/heat.xlsx").body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			String community = row(page, NananOverdue.COMMUNITY);
			boolean found = false;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(name(NananOverdue.COMMUNITY))) {
					found = true;
					assertThat(cells(community, "class=\"text-end overdue[^\"]*\">\\s*<a[^>]*>(\\d+)<"))
						.containsExactly(String.valueOf((long) row.getCell(3).getNumericCellValue()));
					assertThat(row.getCell(1).getStringCellValue()).isEqualTo(name("500108002"));
				}
			}
			assertThat(found).as("the community in the heat export").isTrue();
		}

		// the trend and the categories: the page's table, row by row
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				admin.bytes("/dashboard/units/" + code + "/trend.xlsx?month=" + month).body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(12);
			for (int r = 1; r <= 12; r++) {
				Row row = sheet.getRow(r);
				assertThat(page).contains("data-month=\"" + row.getCell(0).getStringCellValue() + "\" data-received=\""
						+ (long) row.getCell(1).getNumericCellValue() + "\" data-closed=\""
						+ (long) row.getCell(2).getNumericCellValue() + "\"");
			}
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				admin.bytes("/dashboard/units/" + code + "/categories.xlsx?month=" + month).body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> pageRows = cells(page, "data-received=\"(\\d+)\" data-previous=\"(\\d+)\"");
			List<String> excelRows = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					excelRows.add((long) row.getCell(1).getNumericCellValue() + "," + (long) row.getCell(2).getNumericCellValue());
				}
			}
			assertThat(excelRows).isEqualTo(pageRows);
		}
	}

	@Test
	void weightsAreChangedOnAPageAndAStaleVersionIsAMessageInTheUsersLanguage() throws Exception {
		PageClient admin = signedIn("city.admin");
		String page = admin.get("/dashboard/weights").body();
		int version = Integer.parseInt(group(page, "name=\"version\" value=\"(\\d+)\""));
		int response = Integer.parseInt(group(page, "id=\"w-response\" name=\"response\" value=\"(\\d+)\""));
		int resolution = Integer.parseInt(group(page, "id=\"w-resolution\" name=\"resolution\" value=\"(\\d+)\""));
		int satisfaction = Integer.parseInt(group(page, "id=\"w-satisfaction\" name=\"satisfaction\" value=\"(\\d+)\""));
		// the same weights saved again: a new version, audited
		HttpResponse<String> saved = admin.submit("/dashboard/weights", "/dashboard/weights", "response=" + response
				+ "&resolution=" + resolution + "&satisfaction=" + satisfaction + "&version=" + version);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/dashboard/weights").body()).contains("id=\"notice\"").contains("权重已保存");
		// the version seen before is stale now
		admin.submit("/dashboard/weights", "/dashboard/weights", "response=" + response + "&resolution=" + resolution
				+ "&satisfaction=" + satisfaction + "&version=" + version);
		assertThat(text(admin.get("/dashboard/weights").body(), "error")).isEqualTo("该记录已被他人修改，请刷新后重试。");
		admin.get("/dashboard/weights?lang=en");
		admin.submit("/dashboard/weights", "/dashboard/weights", "response=" + response + "&resolution=" + resolution
				+ "&satisfaction=" + satisfaction + "&version=" + version);
		assertThat(text(admin.get("/dashboard/weights").body(), "error")).contains("changed").doesNotContain("该记录");
		// a district administrator reads the weights but has no form, and a post is refused
		PageClient district = signedIn("nanan.admin");
		String read = district.get("/dashboard/weights").body();
		assertThat(read).contains("id=\"weights-now\"").doesNotContain("id=\"weights-form\"");
		district.post("/dashboard/weights", "response=1&resolution=1&satisfaction=1&version=" + (version + 1) + "&_csrf="
				+ district.csrf("/dashboard/weights"));
		assertThat(text(district.get("/dashboard/weights").body(), "error")).isNotBlank();
		assertThat(api.get(api.token("city.admin"), "/api/v1/dashboard/weights").json().path("response").asInt())
			.isEqualTo(response);
	}

	private static void assertFigures(Row row, JsonNode f) {
		assertThat(row.getCell(2).getStringCellValue()).isEqualTo(f.path("unitName").asString());
		assertThat(number(row.getCell(4))).isEqualTo(f.path("received").asDouble());
		assertThat(number(row.getCell(5))).isEqualTo(f.path("responded").asDouble());
		assertRate(row.getCell(6), f.path("responseRate"));
		assertThat(number(row.getCell(7))).isEqualTo(f.path("closed").asDouble());
		assertRate(row.getCell(9), f.path("resolutionRate"));
		assertRate(row.getCell(12), f.path("satisfactionRate"));
		assertRate(row.getCell(14), f.path("onTimeRate"));
		assertThat(number(row.getCell(15))).isEqualTo(f.path("overdueNow").asDouble());
		assertThat(number(row.getCell(16))).isEqualTo(f.path("supervisedNow").asDouble());
		if (f.path("score").isNull()) {
			assertThat(row.getCell(3)).isNull();
		}
		else {
			assertThat(number(row.getCell(3))).isEqualTo(f.path("score").asDouble());
		}
	}

	private static void assertLearning(Row row, JsonNode l) {
		assertRate(row.getCell(17), l.path("coverage"));
		assertThat(number(row.getCell(18))).isEqualTo(l.path("met").asDouble());
		assertThat(number(row.getCell(19))).isEqualTo(l.path("members").asDouble());
		assertThat(number(row.getCell(20))).isEqualTo(l.path("checkIns").asDouble());
	}

	private static void assertRate(Cell cell, JsonNode rate) {
		if (rate.isNull()) {
			assertThat(cell).isNull();
		}
		else {
			assertThat(cell.getNumericCellValue()).isEqualTo(rate.asDouble());
			assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}
	}

	private static double number(Cell cell) {
		return cell.getNumericCellValue();
	}

	private static String percent(JsonNode rate) {
		return rate.isNull() ? "—" : Percent.text(rate.asDouble());
	}

	private static String score(JsonNode score) {
		return score.isNull() ? "—" : String.valueOf(score.asDouble());
	}

	/** The text of the element with this id. */
	private static String text(String html, String id) {
		return group(html, "id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").trim();
	}

	/** The table row of a unit. */
	private static String row(String html, String unitCode) {
		Matcher matcher = Pattern.compile("<tr[^>]*data-unit=\"" + Pattern.quote(unitCode) + "\".*?</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("a row for " + unitCode).isTrue();
		return matcher.group();
	}

	private static List<String> cells(String html, String regex) {
		Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.groupCount() == 1 ? matcher.group(1).trim() : matcher.group(1) + "," + matcher.group(2));
		}
		return found;
	}

	private static String group(String html, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(html);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

	private String name(String code) {
		return units.getByCode(code, org.grassroots.shared.DataScope.CITY).nameZh();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
