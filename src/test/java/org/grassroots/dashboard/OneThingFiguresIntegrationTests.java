package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.dashboard.internal.ReportPdf;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.DataScope;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The one-thing figures (一件事一次办) on a district of the tests' own ({@link OneThingDistrict}):
 * known figures through the API, the same on the page, in the Excel export and in the monthly PDF;
 * the drill-down to the streets; a late or repeated delivery changing nothing; a month boundary in
 * Asia/Shanghai; rebuild equals incremental; a Yuzhong reader refused below the district and in
 * Nan'an's streets.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneThingFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitManagement units;

	@Autowired
	OneThingDashboard dashboard;

	@Autowired
	DashboardAdministration administration;

	@Autowired
	MonthlyReports reports;

	@Autowired
	ReportPdf pdf;

	@Autowired
	TestCampaignItems items;

	@Autowired
	JdbcClient jdbc;

	OneThingDistrict d;

	Api api;

	String city;

	@BeforeAll
	void fileTheApplications() {
		d = new OneThingDistrict(units, items, jdbc).fileAll();
		api = new Api(port);
		city = api.token("city.admin");
	}

	@Test
	@Order(1)
	void theApiGivesTheKnownFigures() {
		JsonNode board = get(d.district, d.month);
		assertFigures(board.path("figures"), 4, 2, 1, 0.5, 11, 5.5, 1, 2, 1);
		JsonNode events = board.path("events");
		assertThat(events.size()).isEqualTo(3);
		// most applications first, then by code; names from the catalogue, a generic label where it has none
		assertThat(events.get(0).path("event").asString()).isEqualTo(TestLifeEventNames.NEWBORN);
		assertThat(events.get(0).path("nameZh").asString()).isEqualTo("测试新生儿出生");
		assertFigures(events.get(0).path("figures"), 2, 2, 1, 0.5, 11, 5.5, 0, 0, 0);
		assertThat(events.get(1).path("event").asString()).isEqualTo(TestLifeEventNames.UNNAMED);
		assertThat(events.get(1).path("nameZh").asString()).isEqualTo("未命名事项1");
		assertThat(events.get(1).path("nameEn").asString()).isEqualTo("Unnamed life event 1");
		assertFigures(events.get(1).path("figures"), 1, 0, 0, null, 0, null, 1, 0, 0);
		assertThat(events.get(2).path("event").asString()).isEqualTo(TestLifeEventNames.SCHOOL);
		assertFigures(events.get(2).path("figures"), 1, 0, 0, null, 0, null, 0, 2, 1);
		assertThat(board.path("returnedByReason").path("MATERIAL_INVALID").asLong()).isEqualTo(1);
		assertThat(board.path("returnedByReason").path("NOT_ELIGIBLE").asLong()).isZero();
		assertThat(board.path("returnedByReason").size()).isEqualTo(OneThingDashboard.REASONS.size());
		// last month: the fifth application filed; open and overdue are about now, the same in any month
		assertFigures(get(d.district, d.month.minusMonths(1)).path("figures"), 1, 0, 0, null, 0, null, 0, 2, 1);
		// the city holds them too
		assertThat(get(units.getByCode("500000", DataScope.CITY), d.month).path("figures").path("applied").asLong())
			.isGreaterThanOrEqualTo(4);
	}

	@Test
	@Order(2)
	void theDrillDownGivesEachStreetsFiguresAndOpensItsPage() throws Exception {
		JsonNode children = get(d.district, d.month).path("children");
		assertThat(children.size()).isEqualTo(2);
		assertFigures(child(children, d.street1).path("figures"), 2, 2, 1, 0.5, 11, 5.5, 0, 1, 0);
		assertFigures(child(children, d.street2).path("figures"), 2, 0, 0, null, 0, null, 1, 1, 1);
		assertThat(child(children, d.street1).path("inScope").asBoolean()).isTrue();
		// a street's own figures are its row in the district's table, and its child is the community
		JsonNode street = get(d.street2, d.month);
		assertThat(street.path("figures")).isEqualTo(child(children, d.street2).path("figures"));
		assertThat(street.path("children").get(0).path("unitCode").asString()).isEqualTo(d.community2.code());
		PageClient pages = signedIn("city.admin");
		String page = pages.get("/dashboard/units/" + d.district.code() + "?month=" + d.month).body();
		String link = "href=\"/dashboard/units/" + d.street2.code() + "?month=" + d.month + "#one-thing\"";
		assertThat(page).contains(link);
		assertThat(pages.get("/dashboard/units/" + d.street2.code() + "?month=" + d.month).body())
			.contains("id=\"le-returned\">1<");
	}

	@Test
	@Order(3)
	void thePageTheExcelAndThePdfShowTheApisNumbers() throws Exception {
		OneThingBoard board = dashboard.board(d.district.code(), d.month, d.city);
		PageClient pages = signedIn("city.admin");
		String page = pages.get("/dashboard/units/" + d.district.code() + "?month=" + d.month).body();
		String unit = "unit=" + d.district.code();
		String month = "month=" + d.month;
		// each number links to the applications behind it, within the reader's scope
		assertThat(page).contains("id=\"le-applied\">4<", "id=\"le-done\">2<", "id=\"le-done-on-time\">1<",
				"id=\"le-average-days\">5.5<", "id=\"le-returned\">1<", "id=\"le-open\">2<", "id=\"le-overdue\">1<",
				"50.0% · 占办结 2")
			.contains("href=\"/lifeevents/applications?" + unit + "&amp;" + month + "&amp;state=COMPLETED&amp;onTime=true\"")
			.contains("href=\"/lifeevents/applications?" + unit + "&amp;state=OPEN&amp;overdue=true\"")
			.contains("href=\"/lifeevents/applications?" + unit + "&amp;" + month + "&amp;state=RETURNED&amp;reason=MATERIAL_INVALID\"")
			.contains("href=\"/lifeevents/applications?" + unit + "&amp;event=" + TestLifeEventNames.NEWBORN + "&amp;" + month
					+ "&amp;state=COMPLETED\"")
			.contains("测试新生儿出生", "未命名事项1", "测试入学", "材料不合格");
		// no code shown: the unnamed event's code is only in an attribute and a link
		assertThat(page.replaceAll("(data-event|href)=\"[^\"]*\"", "")).doesNotContain(TestLifeEventNames.UNNAMED);

		HttpResponse<byte[]> xlsx = pages.bytes("/dashboard/units/" + d.district.code() + "/one-thing.xlsx?month=" + d.month);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet units = workbook.getSheetAt(0);
			assertThat(units.getRow(0).getCell(1).getStringCellValue()).isEqualTo("申请件数");
			assertRow(units.getRow(1), board.figures());
			for (int r = 0; r < board.children().size(); r++) {
				assertThat(units.getRow(r + 2).getCell(0).getStringCellValue()).isEqualTo(board.children().get(r).unitName());
				assertRow(units.getRow(r + 2), board.children().get(r).figures());
			}
			Sheet events = workbook.getSheetAt(1);
			assertThat(events.getLastRowNum()).isEqualTo(3);
			for (int r = 0; r < board.events().size(); r++) {
				assertThat(events.getRow(r + 1).getCell(0).getStringCellValue()).isEqualTo(board.events().get(r).nameZh());
				assertRow(events.getRow(r + 1), board.events().get(r).figures());
			}
			Sheet reasons = workbook.getSheetAt(2);
			assertThat(reasons.getRow(2).getCell(0).getStringCellValue()).isEqualTo("材料不合格");
			assertThat((long) reasons.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1);
		}

		byte[] report = pdf.render(reports.content(d.district, d.month, Instant.now()));
		// (kept for a look: pdftoppm -png target/one-thing-report.pdf)
		java.nio.file.Files.write(java.nio.file.Path.of("target", "one-thing-report.pdf"), report);
		String text = MonthlyReportIntegrationTests.text(report);
		assertThat(text).contains("一件事一次办 One thing done at one time");
		for (ReportPdf.Line line : ReportPdf.lines(board.figures())) {
			assertThat(text).containsPattern(Pattern.quote(label("dashboard.le." + line.key())) + "\\s*" + Pattern.quote(line.value()));
		}
		for (OneThingBoard.Event event : board.events()) {
			// a long name may wrap in its cell
			StringBuilder row = new StringBuilder(String.join("\\s+",
					List.of((event.nameZh() + " " + event.nameEn()).split(" ")).stream().map(Pattern::quote).toList()));
			ReportPdf.lines(event.figures()).forEach(line -> row.append("\\s*").append(Pattern.quote(line.value())));
			assertThat(text).containsPattern(row.toString());
		}
		assertThat(text).containsPattern("材料不合格 Material not valid\\s*1");
	}

	@Test
	@Order(4)
	void aLateOrRepeatedDeliveryChangesNothing() {
		// the third application is completed, past its limit, in 12 working days
		items.change(d.app(3, 2, d.community2, TestLifeEventNames.SCHOOL).filed(d.key).done(d.key, false, 12).figures());
		d.settle();
		// then its first version arrives late, and the second again
		items.publish(d.app(3, 1, d.community2, TestLifeEventNames.SCHOOL).filed(d.key).open(true).figures());
		items.publish(d.app(3, 2, d.community2, TestLifeEventNames.SCHOOL).filed(d.key).done(d.key, false, 12).figures());
		d.settle();
		JsonNode board = get(d.district, d.month);
		assertFigures(board.path("figures"), 4, 3, 1, 0.3333, 23, 7.7, 1, 1, 0);
		assertFigures(child(board.path("children"), d.street2).path("figures"), 2, 1, 0, 0.0, 12, 12.0, 1, 0, 0);
	}

	@Test
	@Order(5)
	void aMonthIsACalendarMonthInShanghai() {
		// 16:30 UTC on 30 September is 00:30 on 1 October in Shanghai
		Instant filed = Instant.parse("2025-09-30T16:30:00Z");
		items.change(d.app(6, 1, d.community2, TestLifeEventNames.NEWBORN).filed(CampaignFigures.monthKey(filed)).figures());
		d.settle();
		assertThat(get(d.district, YearMonth.of(2025, 10)).path("figures").path("applied").asLong()).isEqualTo(1);
		assertThat(get(d.district, YearMonth.of(2025, 9)).path("figures").path("applied").asLong()).isZero();
		assertThat(get(d.district, YearMonth.of(2025, 10)).path("events").get(0).path("nameEn").asString())
			.isEqualTo("Test newborn");
	}

	@Test
	@Order(6)
	void anotherDistrictsReaderSeesTheDistrictButNothingBelowIt() throws Exception {
		String yuzhong = api.token("yuzhong.admin");
		Api.Reply district = api.get(yuzhong, "/api/v1/dashboard/units/" + d.district.code() + "/one-thing");
		assertThat(district.status()).isEqualTo(200);
		assertThat(district.json().path("children").size()).isZero();
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + d.street1.code() + "/one-thing").status()).isEqualTo(404);
		Unit nanan = units.getByCode("500108", DataScope.CITY);
		Unit nananStreet = units.children(nanan.id(), DataScope.CITY, 0)
			.stream()
			.filter(unit -> unit.kind() == UnitKind.ADMINISTRATIVE)
			.findFirst()
			.orElseThrow();
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + nananStreet.code() + "/one-thing").status()).isEqualTo(404);
		assertThat(api.get(api.token("nanan.cadre"), "/api/v1/dashboard/units/" + nananStreet.code() + "/one-thing")
			.status()).isEqualTo(200);
		PageClient pages = signedIn("yuzhong.admin");
		assertThat(pages.get("/dashboard/units/" + nananStreet.code()).statusCode()).isEqualTo(404);
		assertThat(pages.get("/dashboard/units/" + nananStreet.code() + "/one-thing.xlsx").statusCode()).isEqualTo(404);
		// the city's panel is published to them, without links to applications outside their scope
		String cityPage = pages.get("/dashboard/units/500000").body();
		assertThat(cityPage).contains("id=\"one-thing\"").doesNotContain("/lifeevents/applications?unit=500000");
	}

	@Test
	@Order(7)
	void theRebuildCountsWhatTheEventsCounted() {
		Map<String, Long> incremental = snapshot();
		assertThat(incremental).isNotEmpty();
		JsonNode before = get(d.district, d.month);
		administration.rebuild(d.city);
		assertThat(snapshot()).isEqualTo(incremental);
		assertThat(get(d.district, d.month)).isEqualTo(before);
	}

	private JsonNode get(Unit unit, YearMonth month) {
		Api.Reply reply = api.get(city, "/api/v1/dashboard/units/" + unit.code() + "/one-thing?month=" + month);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static void assertFigures(JsonNode f, long applied, long done, long onTime, Double rate, long days,
			Double average, long returned, long open, long overdue) {
		assertThat(List.of(f.path("applied").asLong(), f.path("done").asLong(), f.path("doneOnTime").asLong(),
				f.path("doneDays").asLong(), f.path("returned").asLong(), f.path("open").asLong(), f.path("overdue").asLong()))
			.as(f.toString())
			.containsExactly(applied, done, onTime, days, returned, open, overdue);
		assertThat(f.path("onTimeRate").isNull() ? null : f.path("onTimeRate").asDouble()).as(f.toString()).isEqualTo(rate);
		assertThat(f.path("averageDays").isNull() ? null : f.path("averageDays").asDouble()).as(f.toString())
			.isEqualTo(average);
	}

	private static JsonNode child(JsonNode children, Unit unit) {
		for (JsonNode child : children) {
			if (child.path("unitCode").asString().equals(unit.code())) {
				return child;
			}
		}
		throw new AssertionError(unit.code() + " not among " + children);
	}

	private static void assertRow(Row row, OneThingFigures f) {
		assertThat((long) row.getCell(1).getNumericCellValue()).isEqualTo(f.applied());
		assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(f.done());
		assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(f.doneOnTime());
		assertThat(row.getCell(4) == null ? null : row.getCell(4).getNumericCellValue()).isEqualTo(f.onTimeRate());
		assertThat(row.getCell(5) == null ? null : row.getCell(5).getNumericCellValue()).isEqualTo(f.averageDays());
		assertThat((long) row.getCell(6).getNumericCellValue()).isEqualTo(f.returned());
		assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(f.open());
		assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(f.overdue());
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

	private static String label(String key) {
		return zh(key) + " " + en(key);
	}

	private static String zh(String key) {
		return bundle("/messages.properties", key);
	}

	private static String en(String key) {
		return bundle("/messages_en.properties", key);
	}

	private static String bundle(String name, String key) {
		try (var in = OneThingFiguresIntegrationTests.class.getResourceAsStream(name)) {
			java.util.Properties properties = new java.util.Properties();
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			return properties.getProperty(key);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Map<String, Long> snapshot() {
		Map<String, Long> rows = new TreeMap<>();
		jdbc.sql("select unit_path, month_key, measure, amount from dash_campaign where unit_path like :path "
				+ "and measure like 'LE%' and amount <> 0")
			.param("path", d.district.path() + "%")
			.query((rs, n) -> rows.put(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3), rs.getLong(4)))
			.list();
		return rows;
	}

}
