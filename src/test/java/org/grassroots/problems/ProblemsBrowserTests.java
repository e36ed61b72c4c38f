package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident reports from a phone; the Nan'an office accepts and assigns to Huayuanlu street; the
 * street submits with evidence; both sides recognize; the resident rates it; the public ledger
 * shows it closed. Pages only, in Chromium.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsBrowserTests {

	@LocalServerPort
	int port;

	Browser phone;

	Browser office;

	Browser street;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		office = Browser.open(port, "1280,900");
		street = Browser.open(port, "1280,900");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { phone, office, street }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void aResidentsReportIsCarriedToClosureThroughThePages() throws Exception {
		// a resident reports from a phone-sized window, choosing the place step by step
		phone.go("/report");
		choose(phone, "#district", "500108");
		choose(phone, "#street", "500108002");
		choose(phone, "#community", "500108002001");
		new Select(phone.find("#categoryCode")).selectByValue("EMPLOYMENT");
		String title = Api.uniqueCode("社区招聘会信息不及时 ");
		phone.find("#title").sendKeys(title);
		phone.find("#description").sendKeys("<script>alert(1)</script> 希望社区提前一周公布招聘会信息");
		phone.find("#phone").sendKeys("13698765432");
		phone.screenshot("problems-01-report-phone");
		phone.click("#report-submit");
		// wait for the answer: either the report is taken, or similar reports are shown first
		phone.find("#reported-ledger, #duplicates");
		if (!phone.driver().findElements(By.id("duplicates")).isEmpty()) {
			phone.screenshot("problems-02-duplicates");
			phone.click("#report-submit");
		}
		String ledgerNo = phone.text("#reported-ledger");
		String code = phone.text("#tracking-code");
		phone.screenshot("problems-03-reported");
		assertThat(ledgerNo).startsWith("500108-");

		// the Nan'an office finds it among its problems and assigns it to Huayuanlu street (the queue puts the
		// earliest deadlines first, so with the suite's other reports in Nan'an a new one may be on a later page)
		office.signIn("nanan.admin", Api.DEMO_PASSWORD);
		office.click("#nav-problems");
		office.go("/problems/search?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
		office.click("tr[data-ledger='" + ledgerNo + "'] a");
		assertThat(office.text("#problem-description")).contains("<script>alert(1)</script>");
		office.click("#accept-form button");
		office.find("#notice");
		new Select(office.find("#assign-form select[name=unitId]")).selectByValue(unitValue(office, "500108002"));
		office.find("#assign-form input[name=person]").sendKeys("张工作人员");
		office.screenshot("problems-04-office-assign");
		office.click("#assign-form button");
		assertThat(office.find("#problem-state").getAttribute("data-state")).isEqualTo("ASSIGNED");

		// the street finds it in its queue, records the plan and submits with a photo
		street.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
		street.click("#nav-problems");
		street.click("tr[data-ledger='" + ledgerNo + "'] a");
		street.find("#plan-form textarea[name=measures]").sendKeys("在社区公告栏和微信群提前一周发布招聘信息");
		street.click("#plan-form button");
		street.find("#notice");
		Path photo = Files.createTempFile("evidence", ".png");
		Files.write(photo, ProblemSafetyIntegrationTests.PNG);
		street.find("#submit-form textarea[name=evidence]").sendKeys("已在公告栏发布，附照片");
		street.find("#submit-form input[type=file]").sendKeys(photo.toString());
		street.click("#submit-form button");
		assertThat(street.find("#problem-state").getAttribute("data-state")).isEqualTo("SUBMITTED");
		assertThat(street.text("#attachments")).contains("evidence");

		// both sides recognize: the street for the responsible side, the office for the raising side
		street.click("#recognize-form button");
		assertThat(street.find("#problem-state").getAttribute("data-state")).isEqualTo("SUBMITTED");
		street.screenshot("problems-05-street-recognized");

		// the street's search by state reads its own party rows and finds it there
		street.go("/problems/search?state=SUBMITTED");
		street.find("tr[data-ledger='" + ledgerNo + "']");
		assertThat(street.text("#search-total")).isNotBlank();
		street.screenshot("problems-05b-street-search");
		office.driver().navigate().refresh();
		office.click("#recognize-form button");
		assertThat(office.find("#problem-state").getAttribute("data-state")).isEqualTo("CLOSED");
		office.screenshot("problems-06-closed");

		// the resident follows the link and rates it satisfied
		phone.go("/track/" + code);
		assertThat(phone.find("#track-state").getAttribute("data-state")).isEqualTo("CLOSED");
		phone.click("label[for='rating-SATISFIED']");
		phone.click("#evaluate-form button");
		assertThat(phone.text("#track-evaluation")).isEqualTo("满意");
		phone.screenshot("problems-07-rated");

		// the public ledger shows it closed with its public title, without the resident's phone
		phone.go("/ledger/500108002");
		WebElement line = phone.find("tr[data-ledger='" + ledgerNo + "']");
		assertThat(line.getAttribute("data-state")).isEqualTo("CLOSED");
		assertThat(line.findElement(By.cssSelector(".ledger-title")).getText()).isEqualTo(title.trim());
		assertThat(phone.pageText()).doesNotContain("13698765432");
		phone.screenshot("problems-08-ledger");
	}

	/** Picks the option with this unit code once htmx has loaded it. */
	private static void choose(Browser browser, String select, String code) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(select + " option[data-code='" + code + "']")));
		new Select(browser.find(select)).selectByValue(unitValue(browser, select, code));
	}

	private static String unitValue(Browser browser, String select, String code) {
		return browser.driver().findElement(By.cssSelector(select + " option[data-code='" + code + "']")).getAttribute("value");
	}

	private static String unitValue(Browser browser, String code) {
		return unitValue(browser, "#assign-form select[name=unitId]", code);
	}

}
