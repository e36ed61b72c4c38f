package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident on a phone (390x844): signs in, reports from the menu, finds the report under 我的反映,
 * opens its tracking page once the street has published what it did, and reads the district's
 * public ledger; then the same pages in English. Every page fits the width and logs no error.
 * Reports go to Yuzhong, so Nan'an's work queue is left to ProblemsBrowserTests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Browser phone;

	@BeforeAll
	void openBrowser() throws Exception {
		phone = Browser.open(port, "390,844");
	}

	@AfterAll
	void closeBrowser() throws Exception {
		if (phone != null) {
			phone.close();
		}
	}

	@Test
	void aResidentReportsFollowsItUnderMyReportsAndReadsTheLedgerOnAPhone() throws Exception {
		// the resident signs in and the home page leads to reporting
		phone.signIn("resident.wang", Api.DEMO_PASSWORD);
		phone.find("#home-report");
		assertThat(phone.pageText()).doesNotContain("陆续上线").doesNotContain("接口文档");
		fits("home");
		phone.screenshot("resident-01-home");
		phone.click(".navbar-toggler");
		phone.find("#nav-my-reports");
		assertThat(phone.driver().findElements(By.id("nav-api"))).isEmpty();
		phone.screenshot("resident-02-menu");

		// reports from the menu, in Yuzhong's Jiefangbei street
		phone.click("#nav-report");
		choose("#district", "500103");
		choose("#street", "500103901");
		choose("#community", "500103901001");
		new Select(phone.find("#categoryCode")).selectByValue("OTHER");
		String title = Api.uniqueCode("小区门口路灯不亮 ");
		phone.find("#title").sendKeys(title);
		phone.find("#description").sendKeys("晚上出行不安全，希望尽快修好");
		phone.click("#report-submit");
		// wait for the answer: either the report is taken, or similar reports are shown first
		phone.find("#reported-ledger, #duplicates");
		if (!phone.driver().findElements(By.id("duplicates")).isEmpty()) {
			phone.click("#report-submit");
		}
		String ledgerNo = phone.text("#reported-ledger");
		String code = phone.text("#tracking-code");
		assertThat(phone.text("#reported-own")).isNotBlank();
		fits("reported");
		phone.screenshot("resident-03-reported");

		// the report is listed under 我的反映
		phone.click("#own-link");
		phone.find("#own-reports li[data-ledger='" + ledgerNo + "']");
		assertThat(phone.text("#own-reports li[data-ledger='" + ledgerNo + "']")).contains(title.trim()).contains("已登记");
		fits("my reports");
		phone.screenshot("resident-04-my-reports");

		// the district accepts it, the street publishes its measures and a photo
		ProblemSteps steps = new ProblemSteps(new Api(port));
		long id = steps.api.get(steps.token("city.admin"), "/api/v1/problems?q=" + java.net.URLEncoder.encode(title.trim(),
				java.nio.charset.StandardCharsets.UTF_8)).json().path("items").get(0).path("id").asLong();
		steps.ok("yuzhong.admin", id, "accept");
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId("500103901"));
		steps.ok("jiefangbei.worker", id, "plan", "measures", "更换路灯灯具，三天内完成", "measuresPublic", true);
		steps.ok("jiefangbei.worker", id, "notes", "note", "灯具已到货，明天安装", "notePublic", true);
		Api.Reply photo = steps.api.upload(steps.token("jiefangbei.worker"),
				"/api/v1/problems/" + id + "/attachments?filePublic=true", "lamp.png", photo());
		assertThat(photo.status()).as(photo.body()).isEqualTo(201);

		// the resident opens its tracking page from the list
		phone.driver().navigate().refresh();
		phone.click("#own-reports li[data-ledger='" + ledgerNo + "'] a");
		assertThat(phone.find("#track-state").getAttribute("data-state")).isEqualTo("RECTIFYING");
		assertThat(phone.text("#track-unit")).isEqualTo("解放碑街道");
		assertThat(phone.text("#track-measures")).contains("更换路灯灯具");
		assertThat(phone.text("#track-notes")).contains("灯具已到货");
		phone.find("#track-evidence img");
		assertThat(phone.text("#track-timeline")).contains("已交给责任单位办理").doesNotContain("交办");
		fits("tracking");
		phone.screenshot("resident-05-tracking");
		phone.driver().executeScript("document.getElementById('track-timeline').scrollIntoView({block: 'center', behavior: 'instant'});");
		phone.screenshot("resident-05b-tracking-history");
		// the tracking code opens the same page
		phone.go("/track/" + code);
		assertThat(phone.text("#track-unit")).isEqualTo("解放碑街道");

		// and the district's ledger, filtered to the street
		phone.click("#track-ledger");
		phone.find("#ledger-filter");
		new Select(phone.find("#ledger-area")).selectByValue("500103901");
		phone.click("#ledger-apply");
		assertThat(phone.find("tr[data-ledger='" + ledgerNo + "'] .ledger-title").getText()).isEqualTo(title.trim());
		assertThat(phone.url()).doesNotContain("page=-1");
		fits("ledger");
		phone.screenshot("resident-06-ledger");

		// the same pages in English name the units in English
		phone.go("/my/reports/" + ledgerNo + "?lang=en");
		assertThat(phone.text("#track-unit")).isEqualTo("Jiefangbei Street");
		assertThat(phone.text("#track-state")).isEqualTo("Being fixed");
		fits("tracking in English");
		phone.screenshot("resident-07-tracking-en");
		phone.go("/ledger/500103?area=500103901");
		assertThat(phone.find("tr[data-ledger='" + ledgerNo + "']").getText()).contains("Jiefangbei").doesNotContain("解放碑");
		phone.screenshot("resident-08-ledger-en");
		phone.go("/?lang=zh_CN");
		assertThat(phone.consoleErrors()).isEmpty();
	}

	@Test
	void aVisitorWhoIsNotSignedInGetsThePublicHomeInEnglish() throws Exception {
		try (Browser visitor = Browser.open(port, "390,844")) {
			visitor.go("/?lang=en");
			assertThat(visitor.text("#welcome-report")).contains("Report a problem");
			assertThat(visitor.pageText()).doesNotContain("我要反映");
			visitor.screenshot("resident-09-visitor-en");
			visitor.go("/ledger");
			visitor.find("#ledger-districts a[data-code='500108']").click();
			visitor.find("#ledger-filter");
			assertThat(visitor.pageText()).contains("Nan'an District");
			assertThat(visitor.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aMemberWhoScansACheckInCodeSignedOutIsToldWhyToSignIn() throws Exception {
		Api api = new Api(port);
		long point = jdbc.sql("select min(id) from learning_point where name = '南湖社区学习打卡点'").query(Long.class).single();
		java.net.URI url = java.net.URI.create(api.get(api.token("nanan.admin"), "/api/v1/learning/points/" + point + "/qr")
			.text("url"));
		try (Browser member = Browser.open(port, "390,844")) {
			member.go(url.getRawPath() + "?" + url.getRawQuery());
			assertThat(member.text("#login-reason")).contains("南湖社区学习打卡点");
			member.screenshot("resident-10-member-scan-sign-in");
			member.find("#username").sendKeys("member.li");
			member.find("#password").sendKeys(Api.DEMO_PASSWORD);
			member.find("#sign-in").click();
			assertThat(member.text("#place")).isEqualTo("南湖社区学习打卡点");
			member.click(".navbar-toggler");
			member.find("#nav-check-in");
			assertThat(member.driver().findElements(By.id("nav-report"))).isEmpty();
			member.screenshot("resident-11-member-check-in");
			assertThat(member.consoleErrors()).isEmpty();
		}
	}

	/** No horizontal scrolling at the phone's width. */
	private void fits(String page) {
		Number scroll = (Number) phone.driver().executeScript("return document.documentElement.scrollWidth");
		Number width = (Number) phone.driver().executeScript("return window.innerWidth");
		assertThat(scroll.intValue()).as(page + " is wider than the phone").isLessThanOrEqualTo(width.intValue());
	}

	/** Picks the option with this unit code once htmx has loaded it. */
	@Test
	void withoutTilesTheReportFormHasNoMapAndNoLeaflet() {
		// given no grassroots.map.tiles, as in the suite and an offline install (issue 21)
		phone.go("/report");
		phone.find("#report-form");
		assertThat(phone.driver().findElements(By.cssSelector("#map, #map-block, #latitude, #longitude, #datum"))).isEmpty();
		assertThat(phone.driver().findElements(By.cssSelector("script[src*='leaflet'], link[href*='leaflet'], script[src*='map.js']")))
			.isEmpty();
		assertThat(phone.driver().executeScript("return typeof L;")).isEqualTo("undefined");
	}

	private void choose(String select, String code) {
		new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(select + " option[data-code='" + code + "']")));
		String value = phone.driver().findElement(By.cssSelector(select + " option[data-code='" + code + "']")).getAttribute("value");
		new Select(phone.find(select)).selectByValue(value);
	}

	/** A real picture, so that the page shows a thumbnail. */
	private static byte[] photo() throws Exception {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x33, 0x66, 0x99));
		g.fillRect(0, 0, 320, 200);
		g.setColor(Color.YELLOW);
		g.fillOval(130, 40, 60, 60);
		g.setColor(Color.DARK_GRAY);
		g.fillRect(155, 100, 10, 100);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
