package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.dashboard.internal.ReportPdf;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.Events;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning figures and the month's topic where leaders read them: on a street of its own in
 * Yuzhong (no other plan runs there) with known answers, the unit page, the ranking API and page,
 * the ranking's Excel export and the monthly PDF show the same coverage and check-ins; Nan'an's PDF
 * and categories export carry the month's topic with the categories' counts; a Yuzhong user gets
 * 404 for a Nan'an street's learning figures.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningAndTopicShownIntegrationTests {

	private static final String YUZHONG = "500103";

	private static final String NANAN = "500108";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	YearMonth month;

	String admin;

	String street;

	long streetId;

	long plan;

	@BeforeAll
	void aYuzhongStreetWhereTwoOfFourMembersMetTheirPlan() {
		api = new Api(port);
		month = YearMonth.now(Times.ZONE);
		admin = api.token("yuzhong.admin");
		street = Api.uniqueCode("Y");
		streetId = createUnit(street, unitId(YUZHONG), "STREET");
		createUnit(street + "1", streetId, "COMMUNITY");
		createUnit(street + "2", streetId, "COMMUNITY");
		long a = openMember(street + "a", street + "1");
		long b = openMember(street + "b", street + "1");
		long c = openMember(street + "c", street + "2");
		openMember(street + "d", street);
		Api.Reply created = api.post(admin, "/api/v1/learning/plans", Api.json("title", "每月两次 " + street, "unitId",
				streetId, "periodStart", month.atDay(1).toString(), "periodEnd", month.atEndOfMonth().toString(),
				"requiredCount", 2));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		plan = created.json().path("id").asLong();
		attend(session(), a, b, c);
		attend(session(), a, c);
		Events.settle(jdbc);
	}

	@Test
	void thePageTheRankingTheExcelExportAndThePdfShowTheSameLearningFigures() throws Exception {
		// given the known answer: four members under one plan, a and c met it, five attendances
		Api.Reply reply = api.get(admin, "/api/v1/dashboard/units/" + street + "/learning?month=" + month);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode learning = reply.json();
		assertThat(learning.path("members").asLong()).isEqualTo(4);
		assertThat(learning.path("met").asLong()).isEqualTo(2);
		assertThat(learning.path("coverage").asDouble()).isEqualTo(0.5);
		assertThat(learning.path("checkIns").asLong()).isEqualTo(5);
		assertThat(learning.path("plans").asLong()).isEqualTo(1);

		// the ranking API: the street's place carries the same figures, and the order is still the score's
		JsonNode ranking = api.get(admin, "/api/v1/dashboard/units/" + YUZHONG + "/ranking?month=" + month).json();
		assertThat(place(ranking, street).path("learning")).isEqualTo(learning);
		double last = Double.MAX_VALUE;
		for (JsonNode place : ranking.path("places")) {
			double score = place.path("figures").path("score").isNull() ? -1 : place.path("figures").path("score").asDouble();
			assertThat(score).isLessThanOrEqualTo(last);
			last = score;
		}

		// the ranking on Yuzhong's page
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		String row = row(page.get("/dashboard/units/" + YUZHONG + "?month=" + month).body(), street);
		assertThat(cells(row, "class=\"coverage\".*?class=\"rate\"[^>]*>([^<]*)<")).containsExactly("50.0%");
		assertThat(cells(row, "class=\"coverage\".*?class=\"d-block text-muted counts\">([^<]*)<")).containsExactly("2 / 4");
		assertThat(cells(row, "class=\"check-ins\"[^>]*>([^<]*)<")).containsExactly("5");

		// the street's own page, its coverage opening learning's coverage page of the one plan behind it
		String own = page.get("/dashboard/units/" + street + "?month=" + month).body();
		assertThat(text(own, "fig-coverage")).isEqualTo("50.0%");
		assertThat(text(own, "fig-check-ins")).isEqualTo("5");
		String coverageLink = "/learning/plans/" + plan + "?unitId=" + streetId;
		assertThat(own).contains("href=\"" + coverageLink + "\" class=\"rate\" id=\"fig-coverage\"");
		assertThat(row(own, "learning-plans", "p")).contains("data-plan=\"" + plan + "\"").contains("50.0% (2 / 4)");
		HttpResponse<String> behind = page.get(coverageLink);
		assertThat(behind.statusCode()).isEqualTo(200);
		assertThat(behind.body()).contains("每月两次 " + street).contains("2 / 4");

		// the ranking's Excel export: Yuzhong's own row first, the street's row with the same figures
		JsonNode yuzhong = api.get(admin, "/api/v1/dashboard/units/" + YUZHONG + "/learning?month=" + month).json();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				page.bytes("/dashboard/units/" + YUZHONG + "/ranking.xlsx?month=" + month).body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(17).getStringCellValue()).isEqualTo("学习覆盖率");
			assertThat(sheet.getRow(0).getCell(20).getStringCellValue()).isEqualTo("学习打卡");
			assertLearning(sheet.getRow(1), yuzhong);
			Row streetRow = null;
			for (Row line : sheet) {
				if (line.getRowNum() > 1 && line.getCell(2).getStringCellValue().equals(street)) {
					streetRow = line;
				}
			}
			assertThat(streetRow).as("the street in the export").isNotNull();
			assertLearning(streetRow, learning);
		}

		// the monthly PDF of the street, made on demand
		Api.Reply made = api.post(admin, "/api/v1/dashboard/units/" + street + "/reports?month=" + month, "");
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String text = MonthlyReportIntegrationTests.text(api
			.download(admin, "/api/v1/dashboard/units/" + street + "/reports/" + made.json().path("id").asLong() + "/pdf")
			.bytes());
		LearningFigures expected = JsonMapper.builder().build().readValue(reply.body(), LearningFigures.class);
		for (ReportPdf.Line line : ReportPdf.lines(expected)) {
			String label = label("dashboard.report.figure." + line.key());
			assertThat(Pattern.compile(Pattern.quote(label) + "\\s*" + Pattern.quote(line.value())).matcher(text).find())
				.as("%s %s in the PDF text:%n%s", label, line.value(), text)
				.isTrue();
		}
		assertThat(text).contains("50.00%");
	}

	@Test
	void theMonthlyPdfAndTheCategoriesExportShowTheMonthsTopicWithItsCountsForTheUnit() throws Exception {
		// given the city administrator picks Nan'an's most frequent category of the month as the topic
		String city = api.token("city.admin");
		JsonNode top = api.get(city, "/api/v1/dashboard/units/" + NANAN + "/categories?month=" + month).json().get(0);
		assertThat(top.path("received").asLong()).as("the demo data has problems this month").isPositive();
		String note = "举一反三 " + Api.uniqueCode("");
		Api.Reply picked = api.put(city, "/api/v1/dashboard/topics/" + month,
				Api.json("category", top.path("categoryCode").asString(), "note", note, "version", topicVersion(city, month)));
		assertThat(picked.status()).as(picked.body()).isEqualTo(200);

		// when Nan'an's administrator makes the month's report
		String nanan = api.token("nanan.admin");
		String text = report(nanan, NANAN, month);

		// then its topic part has the note, and its table the category with the categories' counts for
		// Nan'an (the text extractor gives a page's tables after its paragraphs, cells run together)
		String topic = between(text, label("dashboard.report.section.topic"), label("dashboard.report.section.overdue"));
		assertThat(topic).contains(label("dashboard.report.topic.note") + " " + note);
		String change = (top.path("change").asLong() > 0 ? "+" : "") + top.path("change").asLong();
		assertThat(text).containsPattern(Pattern.quote(label("dashboard.report.topic.category")) + "[^\\n]*\\n[\\s\\S]{0,20}?"
				+ Pattern.quote(top.path("nameZh").asString() + " " + top.path("nameEn").asString()) + "\\s*"
				+ top.path("received").asLong() + "\\s*" + top.path("previous").asLong() + "\\s*" + Pattern.quote(change));

		// and the categories export marks the topic's row with its note
		PageClient page = new PageClient(port);
		page.signIn("nanan.admin", Api.DEMO_PASSWORD);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				page.bytes("/dashboard/units/" + NANAN + "/categories.xlsx?month=" + month).body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("每月一题");
			List<String> marked = new ArrayList<>();
			for (Row row : sheet) {
				Cell cell = row.getCell(5);
				if (row.getRowNum() > 0 && cell != null) {
					marked.add(row.getCell(0).getStringCellValue() + " " + (long) row.getCell(1).getNumericCellValue() + " "
							+ cell.getStringCellValue());
				}
			}
			assertThat(marked).containsExactly(top.path("nameZh").asString() + " " + top.path("received").asLong() + " " + note);
		}

		// a month without a topic says so
		YearMonth without = month.minusMonths(45);
		assertThat(topicVersion(city, without)).isZero();
		assertThat(between(report(nanan, NANAN, without), label("dashboard.report.section.topic"),
				label("dashboard.report.section.overdue"))).contains(label("dashboard.report.topic.none"));
	}

	@Test
	void aYuzhongUserGets404ForANananStreetsLearningFiguresButSeesNanansOwn() throws Exception {
		String yuzhong = api.token("yuzhong.admin");
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108002/learning?month=" + month).status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + NANAN + "/ranking?month=" + month).status()).isEqualTo(404);
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(page.get("/dashboard/units/500108002?month=" + month).statusCode()).isEqualTo(404);
		// Nan'an's own figures are published: in the city ranking with the numbers of its learning API
		Api.Reply nanan = api.get(yuzhong, "/api/v1/dashboard/units/" + NANAN + "/learning?month=" + month);
		assertThat(nanan.status()).isEqualTo(200);
		JsonNode ranking = api.get(yuzhong, "/api/v1/dashboard/units/500000/ranking?month=" + month).json();
		assertThat(place(ranking, NANAN).path("learning")).isEqualTo(nanan.json());
		// and the city page lists no plans to a viewer whose scope does not hold the city
		assertThat(page.get("/dashboard/units/500000?month=" + month).body()).doesNotContain("id=\"learning-plans\"");
	}

	private String report(String token, String unit, YearMonth month) throws Exception {
		Api.Reply made = api.post(token, "/api/v1/dashboard/units/" + unit + "/reports?month=" + month, "");
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		Api.Download pdf = api.download(token,
				"/api/v1/dashboard/units/" + unit + "/reports/" + made.json().path("id").asLong() + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		return MonthlyReportIntegrationTests.text(pdf.bytes());
	}

	private int topicVersion(String token, YearMonth month) {
		for (JsonNode topic : api.get(token, "/api/v1/dashboard/topics").json()) {
			if (topic.path("month").asString().equals(month.toString())) {
				return topic.path("version").asInt();
			}
		}
		return 0;
	}

	private static void assertLearning(Row row, JsonNode learning) {
		Cell coverage = row.getCell(17);
		if (learning.path("coverage").isNull()) {
			assertThat(coverage).isNull();
		}
		else {
			assertThat(coverage.getNumericCellValue()).isEqualTo(learning.path("coverage").asDouble());
			assertThat(coverage.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}
		assertThat(row.getCell(18).getNumericCellValue()).isEqualTo(learning.path("met").asDouble());
		assertThat(row.getCell(19).getNumericCellValue()).isEqualTo(learning.path("members").asDouble());
		assertThat(row.getCell(20).getNumericCellValue()).isEqualTo(learning.path("checkIns").asDouble());
	}

	private static JsonNode place(JsonNode ranking, String unitCode) {
		for (JsonNode place : ranking.path("places")) {
			if (place.path("figures").path("unitCode").asString().equals(unitCode)) {
				return place;
			}
		}
		throw new AssertionError("no place for " + unitCode + " in " + ranking);
	}

	/** A label of the PDF: Chinese and English side by side, as ReportPdf writes it. */
	private static String label(String key) {
		return message("/messages.properties", key) + " " + message("/messages_en.properties", key);
	}

	private static String message(String bundle, String key) {
		try (var in = LearningAndTopicShownIntegrationTests.class.getResourceAsStream(bundle)) {
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties.getProperty(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		int end = text.indexOf(to, start);
		assertThat(start).as("%s in%n%s", from, text).isNotNegative();
		assertThat(end).as("%s after %s in%n%s", to, from, text).isGreaterThan(start);
		return text.substring(start, end);
	}

	private static String text(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).trim();
	}

	private static String row(String html, String unitCode) {
		Matcher matcher = Pattern.compile("<tr[^>]*data-unit=\"" + Pattern.quote(unitCode) + "\".*?</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("a row for " + unitCode).isTrue();
		return matcher.group();
	}

	/** The element with this id and tag, up to its end tag. */
	private static String row(String html, String id, String tag) {
		Matcher matcher = Pattern.compile("<" + tag + "[^>]*id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("an element " + id).isTrue();
		return matcher.group().replaceAll("\\s+", " ");
	}

	private static List<String> cells(String html, String regex) {
		Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1).trim());
		}
		return found;
	}

	private long session() {
		Api.Reply created = api.post(admin, "/api/v1/learning/sessions", Api.json("planId", plan, "kind", "SEMINAR", "topic",
				"研讨", "speaker", "书记", "place", "会议室", "hostUnitId", streetId, "startsAt", Instant.now().toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void attend(long session, long... accountIds) {
		Api.Reply reply = api.post(admin, "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", java.util.Arrays.stream(accountIds).boxed().toList()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private long openMember(String username, String unitCode) {
		Api.Reply opened = api.openAccount(Api.json("username", username.toLowerCase(), "displayName",
				username, "unitCode", unitCode, "roles", List.of(Map.of("role", "PARTY_MEMBER")), "password",
				"a-long-member-password"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().path("account").path("id").asLong();
	}

	private long createUnit(String code, long parentId, String level) {
		Api.Reply created = api.post(admin, "/api/v1/units", Api.json("code", code, "parentId", parentId, "nameZh", code,
				"level", level));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long unitId(String code) {
		return api.get(admin, "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

}
