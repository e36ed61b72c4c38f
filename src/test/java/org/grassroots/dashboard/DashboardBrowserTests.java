package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.stream.Collectors;

import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leaders in Chromium: the city office goes from the city ranking to a Nan'an community's overdue
 * problem in two clicks and reads the dashboard in English; Nan'an's leading cadre lands on
 * Nan'an's dashboard on a phone. No console errors: the charts load under the page policy.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

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

	NananOverdue overdue;

	String ledgerNo;

	@BeforeAll
	void anOverdueProblemInANananCommunity() {
		overdue = new NananOverdue(intake, dispatch, rectification, supervision, units, jdbc);
		ledgerNo = overdue.make(Api.uniqueCode("南湖社区楼道灯不亮 "));
	}

	@AfterAll
	void closeIt() {
		overdue.close();
	}

	@Test
	void theCityOfficeReachesACommunitysOverdueProblemInTwoClicksAndSwitchesToEnglish() throws Exception {
		try (Browser browser = Browser.open(port, "1280,900")) {
			browser.signIn("city.admin", Api.DEMO_PASSWORD);
			assertThat(browser.text("#dash-unit")).isEqualTo("重庆市");
			// the 38 districts and counties (other tests add districts of their own, with codes of letters)
			assertThat(browser.find("#ranking tbody").findElements(org.openqa.selenium.By.tagName("tr")).stream()
				.filter(row -> row.getAttribute("data-unit").matches("\\d{6}"))).hasSize(38);
			browser.find("#trend-chart canvas");
			browser.screenshot("dashboard-01-city");

			// click 1: Nan'an's overdue number in the city ranking; click 2: the community's problem
			browser.click("#ranking tr[data-unit='500108'] td.overdue a");
			assertThat(browser.text("#behind-title")).contains("南岸区").contains("超期");
			browser.screenshot("dashboard-02-nanan-overdue");
			browser.click("tr[data-ledger='" + ledgerNo + "'] a");
			assertThat(browser.url()).endsWith("/problems/" + overdue.id());
			assertThat(browser.pageText()).contains("南湖社区楼道灯不亮");
			browser.screenshot("dashboard-03-problem");

			// or through the district: Nan'an, then the community in its overdue heat table
			browser.go("/dashboard");
			browser.click("#ranking tr[data-unit='500108'] a.drill");
			assertThat(browser.text("#dash-unit")).isEqualTo("南岸区");
			browser.find("#trend-chart canvas");
			browser.screenshot("dashboard-04-nanan");
			browser.click("#heat tr[data-unit='" + NananOverdue.COMMUNITY + "'] td.overdue a");
			browser.find("tr[data-ledger='" + ledgerNo + "']");
			browser.screenshot("dashboard-05-community-overdue");

			// English on request
			browser.go("/dashboard/units/500108");
			browser.click("#lang-switch");
			assertThat(browser.pageText()).contains("Streets ranked").contains("Overdue problems by unit").contains("Dashboard");
			assertThat(browser.text("#dash-unit")).isEqualTo("Nan'an District");
			browser.find("#categories-chart canvas");
			browser.screenshot("dashboard-06-english");
			browser.go("/dashboard/weights");
			assertThat(browser.text("#weights-save")).isEqualTo("Save");
			browser.screenshot("dashboard-07-weights");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theCityOfficePicksTheTopicSeesItOnNanansDashboardAndDownloadsTheMonthlyPdf() throws Exception {
		try (Browser browser = Browser.open(port, "1280,900")) {
			browser.signIn("city.admin", Api.DEMO_PASSWORD);
			// the topic, picked from the frequent categories on the topics page
			browser.go("/dashboard/topics");
			browser.find("#high-frequency tbody tr");
			WebElement note = browser.find("#t-note");
			note.clear();
			note.sendKeys("楼道照明集中整治");
			browser.click("#topic-save");
			assertThat(browser.text("#notice")).contains(YearMonth.now(Times.ZONE).toString());
			browser.screenshot("dashboard-08-topics");
			browser.go("/dashboard/units/500108");
			assertThat(browser.text("#topic-note")).isEqualTo("楼道照明集中整治");
			browser.driver().executeScript("document.getElementById('topic').scrollIntoView({behavior: 'instant'});");
			browser.screenshot("dashboard-09-nanan-topic");

			// the monthly report from the city's dashboard: make one, then its link gives a PDF
			browser.go("/dashboard");
			browser.click("#reports-link");
			assertThat(browser.url()).endsWith("/dashboard/units/500000/reports");
			browser.click("#make-report button[type=submit]");
			WebElement link = browser.find("#reports tbody tr a[href$='.pdf']");
			browser.screenshot("dashboard-10-reports");
			String cookies = browser.driver()
				.manage()
				.getCookies()
				.stream()
				.map(cookie -> cookie.getName() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "));
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).header("Cookie", cookies).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void nanansLeadingCadreLandsOnNanansDashboardOnAPhone() throws Exception {
		try (Browser phone = Browser.open(port, "390,844")) {
			phone.signIn("nanan.cadre", Api.DEMO_PASSWORD);
			assertThat(phone.url()).endsWith("/dashboard");
			assertThat(phone.text("#dash-unit")).isEqualTo("南岸区");
			phone.screenshot("dashboard-phone-01-landing");
			phone.driver().executeScript("document.getElementById('ranking').scrollIntoView({behavior: 'instant'});");
			phone.screenshot("dashboard-phone-02-ranking");
			phone.driver().executeScript("document.getElementById('heat').scrollIntoView({behavior: 'instant'});");
			phone.screenshot("dashboard-phone-03-heat");
			phone.driver().executeScript("document.getElementById('trend-chart').scrollIntoView({behavior: 'instant'});");
			phone.find("#trend-chart canvas");
			phone.screenshot("dashboard-phone-04-trend");
			// the page is no wider than the phone: tables became cards or scroll inside themselves
			Object overflow = phone.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			assertThat(phone.consoleErrors()).isEmpty();
		}
	}

}
