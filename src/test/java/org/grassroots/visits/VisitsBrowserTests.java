package org.grassroots.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * nanan.cadre logs an on-site office visit at Huayuanlu street on a phone-sized window with two
 * problems; the street's caseworker finds both in the street's work queue; a resident finds the
 * reception days from the welcome page. The problems are declined at the end, so that no Nan'an
 * list the other browser tests read keeps them, whatever order the test classes run in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitsBrowserTests {

	@LocalServerPort
	int port;

	Browser phone;

	Browser street;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		street = Browser.open(port, "1280,900");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { phone, street }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void aCadreLogsAnOnSiteOfficeVisitWithTwoProblemsOnAPhone() throws Exception {
		String tag = Api.uniqueCode("");
		List<String> ledgerNos = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		try {
			// nanan.cadre reads Huayuanlu's campaign figures on the dashboard, then opens the visit form from the menu
			phone.signIn("nanan.cadre", Api.DEMO_PASSWORD);
			long[] before = visitFigures();
			// (the menu is folded on a phone: open its link as a tap on it would)
			phone.driver().get(phone.driver().findElement(By.id("nav-visit-new")).getAttribute("href"));
			assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
			new Select(phone.find("#kind")).selectByValue("ON_SITE_OFFICE");
			phone.find("#visit-unit").sendKeys("花园路");
			pick(phone, choice(phone, "visit-unit", "花园路", "500108002"));
			phone.find("#place").sendKeys("花园路街道便民服务中心");
			phone.find("#peopleMet").sendKeys("街道干部、社区书记 4 人");
			phone.find("#discussed").sendKeys("现场办公 " + tag);
			Path photo = Files.createTempFile("visit", ".png");
			Files.write(photo, VisitsIntegrationTests.PNG);
			phone.find("#photos").sendKeys(photo.toString());

			// two problems: the first row is on the page, the second is added with the button
			phone.find("#problem-title-0").sendKeys("背街小巷路灯不亮 " + tag);
			new Select(phone.find("#problem-category-0")).selectByValue("OTHER");
			phone.find("#problem-description-0").sendKeys("晚上出行不安全");
			assertThat(phone.driver().findElement(By.id("problem-measures-0")).isDisplayed()).isFalse();
			phone.click("#problem-add");
			phone.find("#problem-title-1").sendKeys("菜市场周边停车难 " + tag);
			new Select(phone.find("#problem-category-1")).selectByValue("PARKING");
			phone.find("#problem-description-1").sendKeys("早高峰占道停车");
			assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
			phone.fullScreenshot("visits-01-form-phone");
			phone.click("#visit-save");

			// the visit page lists both problems, handed to the street
			assertThat(phone.find("#visit-kind").getAttribute("data-kind")).isEqualTo("ON_SITE_OFFICE");
			assertThat(phone.text("#notice")).isNotBlank();
			List<WebElement> rows = phone.driver().findElements(By.cssSelector("#visit-problems tbody tr"));
			assertThat(rows).hasSize(2);
			for (WebElement row : rows) {
				ledgerNos.add(row.getAttribute("data-ledger"));
				String href = row.findElement(By.cssSelector("a")).getAttribute("href");
				ids.add(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
			}
			assertThat(phone.driver().findElements(By.cssSelector("#visit-photos img"))).hasSize(1);
			assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
			phone.fullScreenshot("visits-02-visit-phone");
			// the dashboard counts the visit and its two problems at the street, once the event is delivered
			String visitPage = phone.url();
			long[] after = before;
			for (int i = 0; i < 100 && after[1] < before[1] + 2; i++) {
				Thread.sleep(200);
				after = visitFigures();
			}
			assertThat(after).containsExactly(before[0] + 1, before[1] + 2);
			phone.fullScreenshot("visits-02b-dashboard-phone");
			phone.driver().get(visitPage);

			// the problem page says where it was collected, with a link back to the visit
			phone.click("#visit-problems tbody tr:first-child a");
			assertThat(phone.text("#problem-origin")).contains("现场办公");

			// Huayuanlu street finds both problems in its work queue
			street.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
			street.click("#nav-problems");
			for (String ledgerNo : ledgerNos) {
				street.find("tr[data-ledger='" + ledgerNo + "']");
			}
			street.screenshot("visits-03-street-queue");

			// the cadre's own visits list it; the log shows on a desktop too
			phone.go("/visits?mine=true");
			phone.find("#visits tbody tr");
			assertThat(phone.pageText()).contains("花园路街道便民服务中心");
			phone.fullScreenshot("visits-04-mine-phone");
			phone.emulate(1366, 900);
			phone.go("/visits");
			phone.fullScreenshot("visits-05-log-desktop");
			phone.go("/visits/summary");
			phone.fullScreenshot("visits-06-summary-desktop");
			phone.go("/visits/reception-days");
			phone.fullScreenshot("visits-07-reception-days-desktop");
			phone.emulate(390, 844);

			// a resident without an account finds Nan'an's coming reception days from the welcome page
			phone.driver().manage().deleteAllCookies();
			phone.go("/");
			phone.click("#welcome-reception-days");
			new Select(phone.find("#reception-unit-choice")).selectByValue("500108");
			phone.click("#reception-chooser button");
			new Select(phone.find("#reception-unit-choice")).selectByValue("500108002");
			phone.click("#reception-chooser button");
			assertThat(phone.text("#reception-unit")).contains("花园路街道");
			assertThat(phone.driver().findElements(By.cssSelector(".reception-day"))).isNotEmpty();
			assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
			phone.fullScreenshot("visits-08-public-reception-days-phone");
		}
		finally {
			declineAll(ids);
		}
	}

	/** The street declines the test's problems, so they leave Nan'an's queues and lists of open problems. */
	/** Huayuanlu street's visits and problems collected on visits this month, as its dashboard shows them. */
	private long[] visitFigures() {
		phone.go("/dashboard/units/500108002");
		return new long[] { Long.parseLong(phone.text("#camp-visits")), Long.parseLong(phone.text("#camp-visit-problems")) };
	}

	private void declineAll(List<Long> ids) {
		Api api = new Api(port);
		String token = api.token("huayuanlu.worker");
		for (long id : ids) {
			JsonNode problem = api.get(token, "/api/v1/problems/" + id).json().path("problem");
			if (problem.path("state").asString().equals("REPORTED")) {
				Api.Reply declined = api.post(token, "/api/v1/problems/" + id + "/decline",
						Api.json("version", problem.path("version").asInt(), "note", "测试数据，已清理"));
				assertThat(declined.status()).as(declined.body()).isEqualTo(200);
			}
		}
	}

	private static WebElement choice(Browser browser, String box, String typed, String code) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(driver -> {
				List<WebElement> choices = driver.findElements(By.cssSelector("#" + box + "-menu .unit-choice"));
				boolean answered = !choices.isEmpty()
						&& choices.stream().allMatch(choice -> choice.getDomAttribute("data-name").startsWith(typed));
				return answered ? driver.findElements(By.cssSelector("#" + box + "-menu .unit-choice[data-code='" + code + "']"))
					.stream()
					.filter(WebElement::isDisplayed)
					.findFirst()
					.orElse(null) : null;
			});
	}

	private static void pick(Browser browser, WebElement choice) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", choice);
		choice.click();
	}

}
