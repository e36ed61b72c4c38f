package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.grassroots.dashboard.internal.ReportPdf;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class MonthlyReportIntegrationTests {

	private static final String NANAN = "500108";

	@LocalServerPort
	int port;

	@Autowired
	MonthlyReports reports;

	@Autowired
	DashboardFigures dashboard;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePdfShowsTheApisFiguresForTheSameUnitAndMonth() throws Exception {
		// given Nan'an's demo problems, received this month
		Api api = new Api(port);
		String token = api.token("nanan.admin");
		String month = dashboard.thisMonth().toString();
		// when its administrator makes the month's report on demand
		Api.Reply made = api.post(token, "/api/v1/dashboard/units/" + NANAN + "/reports?month=" + month, "");
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		assertThat(made.json().path("edition").asInt()).isPositive();
		Api.Download pdf = api.download(token,
				"/api/v1/dashboard/units/" + NANAN + "/reports/" + made.json().path("id").asLong() + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		// (kept for a look: pdftoppm -png target/monthly-report-500108.pdf)
		java.nio.file.Files.write(java.nio.file.Path.of("target", "monthly-report-500108.pdf"), pdf.bytes());
		// then every figure in the PDF is the API's number for the same unit and month
		String text = text(pdf.bytes());
		Api.Reply figures = api.get(token, "/api/v1/dashboard/units/" + NANAN + "/figures?month=" + month);
		Figures expected = JsonMapper.builder().build().readValue(figures.body(), Figures.class);
		assertThat(expected.received()).as("the demo data has problems this month").isPositive();
		for (ReportPdf.Line line : ReportPdf.lines(expected)) {
			assertLine(text, englishLabel("dashboard.report.figure." + line.key()), line.value());
		}
		// the campaign's figures too (visits, work measures, cases, mechanisms)
		JsonNode campaign = api.get(token, "/api/v1/dashboard/units/" + NANAN + "/campaign?month=" + month).json()
			.path("figures");
		Map<CampaignMeasure, Long> campaignFigures = new EnumMap<>(CampaignMeasure.class);
		for (CampaignMeasure measure : CampaignMeasure.values()) {
			campaignFigures.put(measure, campaign.path(measure.name()).asLong());
		}
		for (ReportPdf.Line line : ReportPdf.lines(campaignFigures)) {
			assertLine(text, englishLabel("dashboard.campaign." + line.key()), line.value());
		}
		// and its name in Chinese, embedded so it reads anywhere, and the trend of the API
		assertThat(text).contains("南岸区");
		JsonNode trend = api.get(token, "/api/v1/dashboard/units/" + NANAN + "/trend?from="
				+ YearMonth.parse(month).minusMonths(11) + "&to=" + month).json();
		for (JsonNode point : trend) {
			assertThat(text).containsPattern(Pattern.quote(point.path("month").asString()) + "\\s+"
					+ point.path("received").asLong() + "\\s+" + point.path("closed").asLong());
		}
		assertThat(new String(pdf.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/FontFile2");
	}

	@Test
	void theJobMakesEachReportOnceWhenTwoNodesRunItTogether() throws Exception {
		// given a month no one has reported on
		YearMonth month = YearMonth.of(2020, 1);
		// when two nodes' jobs run at the same time
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Optional<Integer>>> runs = new ArrayList<>();
		Callable<Optional<Integer>> job = () -> reports.makeAll(month);
		long start = System.nanoTime();
		runs.add(pool.submit(job));
		runs.add(pool.submit(job));
		List<Optional<Integer>> results = new ArrayList<>();
		for (Future<Optional<Integer>> run : runs) {
			results.add(run.get());
		}
		pool.shutdown();
		long millis = (System.nanoTime() - start) / 1_000_000;
		// then the city, the 38 districts and the demo streets have one report each
		List<Integer> counts = jdbc
			.sql("select count(*) from dash_report where month_key = 202001 and edition = 0 group by unit_code")
			.query(Integer.class)
			.list();
		assertThat(counts).hasSizeGreaterThanOrEqualTo(39).allMatch(count -> count == 1);
		assertThat(results.stream().flatMap(Optional::stream).mapToInt(Integer::intValue).sum())
			.as("reports made by the two runs").isEqualTo(counts.size());
		assertThat(jdbc.sql("select count(*) from shedlock where name = ?").param(MonthlyReports.LOCK).query(Long.class).single())
			.isEqualTo(1);
		// and a third run later makes nothing
		assertThat(reports.makeAll(month)).hasValueSatisfying(made -> assertThat(made).isZero());
		Integer cityMillis = jdbc.sql("select millis from dash_report where month_key = 202001 and unit_code = '500000'")
			.query(Integer.class)
			.single();
		System.out.printf("Monthly reports job: %d reports in %d ms; the city's PDF took %d ms%n", counts.size(), millis,
				cityMillis);
		assertThat(cityMillis).isLessThan(10_000);
		// and the listing shows them, once
		Api api = new Api(port);
		JsonNode list = api.get(api.token("city.admin"), "/api/v1/dashboard/units/500000/reports").json();
		List<String> scheduled = new ArrayList<>();
		list.forEach(report -> {
			if (report.path("month").asString().equals("2020-01")) {
				scheduled.add(report.path("edition").asString());
			}
		});
		assertThat(scheduled).containsExactly("0");
		JsonNode street = api.get(api.token("huayuanlu.worker"), "/api/v1/dashboard/units/500108002/reports").json();
		assertThat(street.findValuesAsString("month")).contains("2020-01");
	}

	@Test
	void anotherDistrictsUserGets404AndAMemberGets403() throws Exception {
		Api api = new Api(port);
		String nanan = api.token("nanan.admin");
		long id = api.post(nanan, "/api/v1/dashboard/units/" + NANAN + "/reports", "").json().path("id").asLong();
		String yuzhong = api.token("yuzhong.admin");
		// a Yuzhong user asking for Nan'an's reports, even a district's, gets 404
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + NANAN + "/reports").status()).isEqualTo(404);
		assertThat(api.post(yuzhong, "/api/v1/dashboard/units/" + NANAN + "/reports", "").status()).isEqualTo(404);
		assertThat(api.download(yuzhong, "/api/v1/dashboard/units/" + NANAN + "/reports/" + id + "/pdf").status())
			.isEqualTo(404);
		// nor through their own unit's path
		assertThat(api.download(yuzhong, "/api/v1/dashboard/units/500103/reports/" + id + "/pdf").status()).isEqualTo(404);
		// a street worker sees only their street's reports
		assertThat(api.get(api.token("huayuanlu.worker"), "/api/v1/dashboard/units/" + NANAN + "/reports").status())
			.isEqualTo(404);
		// a party member is no staff
		assertThat(api.get(api.token("member.li"), "/api/v1/dashboard/units/500108002001/reports").status())
			.isEqualTo(403);
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(page.get("/dashboard/units/" + NANAN + "/reports").statusCode()).isEqualTo(404);
		assertThat(page.bytes("/dashboard/units/" + NANAN + "/reports/" + id + ".pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void theListPageMakesAReportAndDownloadsIt() throws Exception {
		// given Nan'an's leading cadre on the reports page
		PageClient page = new PageClient(port);
		page.signIn("nanan.cadre", Api.DEMO_PASSWORD);
		String path = "/dashboard/units/" + NANAN + "/reports";
		HttpResponse<String> shown = page.get(path);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("南岸区").contains("月度报告");
		// when they make last month's report with the button (CSRF token from the page)
		HttpResponse<String> made = page.submit(path, path, "month=" + dashboard.thisMonth().minusMonths(1));
		assertThat(made.statusCode()).isEqualTo(302);
		// then it is listed with a download link that gives the PDF
		String list = page.get(path).body();
		var link = Pattern.compile("href=\"(/dashboard/units/500108/reports/\\d+\\.pdf)\"").matcher(list);
		assertThat(link.find()).as(list).isTrue();
		HttpResponse<byte[]> pdf = page.bytes(link.group(1));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(text(pdf.body())).contains("南岸区").contains(dashboard.thisMonth().minusMonths(1).toString());
	}

	private static void assertLine(String text, String label, String value) {
		assertThat(Pattern.compile(Pattern.quote(label) + "\\s*" + Pattern.quote(value)).matcher(text).find())
			.as("%s %s in the PDF text:%n%s", label, value, text)
			.isTrue();
	}

	private static String englishLabel(String key) {
		try (var in = MonthlyReportIntegrationTests.class.getResourceAsStream("/messages_en.properties")) {
			java.util.Properties properties = new java.util.Properties();
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			return properties.getProperty(key);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString();
	}

}
