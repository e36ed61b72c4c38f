package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Every file the app hands out is named by what and whose it is, in the reader's language, with an
 * ASCII name of codes beside it for clients that do not read RFC 6266's filename* (learning's
 * coverage export is checked in CoverageBelowThePlanIntegrationTests).
 */
@IntegrationTest
class DownloadNamesIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProblemLedgerIsNamedForTheUnitItCoversAndTheDay() throws Exception {
		PageClient nanan = signedIn("nanan.admin");
		String today = LocalDate.now(SHANGHAI).toString();

		assertName(nanan.bytes("/problems/export.xlsx"), "attachment", "问题台账-南岸区-" + today + ".xlsx",
				"problem-ledger-500108-" + today + ".xlsx");
		assertName(nanan.bytes("/problems/export.xlsx?unit=500108002"), "attachment", "问题台账-花园路街道-" + today + ".xlsx",
				"problem-ledger-500108002-" + today + ".xlsx");
		// in English, in English
		assertName(nanan.bytes("/problems/export.xlsx?lang=en"), "attachment",
				"problem-ledger-Nan'an_District-" + today + ".xlsx", "problem-ledger-500108-" + today + ".xlsx");
	}

	@Test
	void theDashboardsTablesAreNamedForTheUnitAndTheMonth() throws Exception {
		PageClient nanan = signedIn("nanan.admin");
		String month = YearMonth.now(SHANGHAI).toString();
		String today = LocalDate.now(SHANGHAI).toString();
		String base = "/dashboard/units/500108/";

		assertName(nanan.bytes(base + "ranking.xlsx?month=" + month), "attachment", "排名-南岸区-" + month + ".xlsx",
				"ranking-500108-" + month + ".xlsx");
		assertName(nanan.bytes(base + "heat.xlsx"), "attachment", "超期问题分布-南岸区-" + today + ".xlsx",
				"overdue-500108-" + today + ".xlsx");
		assertName(nanan.bytes(base + "trend.xlsx?month=" + month), "attachment", "受理与办结趋势-南岸区-" + month + ".xlsx",
				"trend-500108-" + month + ".xlsx");
		assertName(nanan.bytes(base + "categories.xlsx?month=" + month), "attachment", "问题类别-南岸区-" + month + ".xlsx",
				"categories-500108-" + month + ".xlsx");
	}

	@Test
	void aMonthlyReportIsNamedForTheUnitTheMonthAndItsEdition() throws Exception {
		Api api = new Api(port);
		String month = YearMonth.now(SHANGHAI).minusMonths(1).toString();
		JsonNode made = api.post(api.token("nanan.admin"), "/api/v1/dashboard/units/500108/reports?month=" + month, "").json();
		int edition = made.path("edition").asInt();
		assertThat(edition).isPositive();

		HttpResponse<byte[]> pdf = signedIn("nanan.admin").bytes("/dashboard/units/500108/reports/" + made.path("id").asLong() + ".pdf");

		assertName(pdf, "attachment", "月报-南岸区-" + month + "-第" + edition + "版.pdf",
				"report-500108-" + month + "-" + edition + ".pdf");
	}

	@Test
	void aPointsPosterAndQrCodeAreNamedForThePoint() throws Exception {
		long point = jdbc.sql("select min(id) from learning_point where name = '南湖社区学习打卡点'").query(Long.class).single();
		PageClient nanan = signedIn("nanan.admin");

		assertName(nanan.bytes("/learning/points/" + point + "/poster.pdf"), "inline", "海报-南湖社区学习打卡点.pdf",
				"poster-point-" + point + ".pdf");
		assertName(nanan.bytes("/learning/points/" + point + "/qr.png"), "inline", "二维码-南湖社区学习打卡点.png",
				"qr-point-" + point + ".png");
	}

	private static void assertName(HttpResponse<byte[]> file, String type, String name, String ascii) {
		assertThat(file.statusCode()).as(name).isEqualTo(200);
		String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith(type + "; ").contains("filename=\"" + ascii + "\"");
		Matcher utf8 = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
		assertThat(utf8.find()).as(disposition).isTrue();
		assertThat(URLDecoder.decode(utf8.group(1).replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
