package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chromium opens the main pages, Swagger UI and the resident's report form under the
 * Content-Security-Policy, and its console reports nothing refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	void openBrowser() throws Exception {
		browser = Browser.open(port, "1280,900");
	}

	@AfterAll
	void closeBrowser() throws Exception {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theConsoleWouldShowARefusedInlineStyle() {
		// given a page under the policy, when something adds a style attribute, then Chromium says so
		browser.go("/login");
		browser.find("#username");
		browser.consoleErrors();
		browser.driver().executeScript("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>');");
		assertThat(waitForConsoleErrors()).anySatisfy(error -> assertThat(error).contains("Content Security Policy"));
	}

	@Test
	void theCityAdministratorsPagesLoadWithNothingRefused() {
		browser.signIn("city.admin", Api.DEMO_PASSWORD);
		long problem = jdbc.sql("select min(id) from problem").query(Long.class).single();
		long plan = jdbc.sql("select min(id) from study_plan").query(Long.class).single();
		long district = jdbc.sql("select id from unit where code = '500108'").query(Long.class).single();
		for (String page : List.of("/", "/problems", "/problems/search", "/problems/new", "/problems/" + problem,
				"/problems/categories", "/inbox", "/learning", "/learning/plans/" + plan, "/learning/points",
				"/learning/sessions", "/learning/members/import", "/learn", "/units/" + district, "/units/import",
				"/audit", "/open311/keys", "/account/password", "/ledger/500108002001")) {
			browser.go(page);
			browser.find("nav");
			assertThat(browser.consoleErrors()).as(page).isEmpty();
		}

		// htmx swaps a unit tree's children and search results in, with no style of its own
		browser.go("/units");
		browser.click("[data-code='500000'] > details > summary .toggle");
		browser.click("[data-code='500108'] > details > summary .toggle");
		browser.find("[data-code='500108002']");
		browser.find("#unit-search").sendKeys("花园");
		browser.find("#search-results a");
		assertThat(browser.consoleErrors()).as("/units with htmx").isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("head style"))).as("htmx's indicator style").isEmpty();
	}

	@Test
	void aResidentChoosesAPlaceStepByStepWithNothingRefused() {
		browser.driver().manage().deleteAllCookies();
		browser.go("/report");
		choose("#district", "500108");
		choose("#street", "500108002");
		choose("#community", "500108002001");
		browser.go("/track");
		browser.find("nav");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void swaggerUiWorksUnderItsOwnPolicy() {
		browser.go("/swagger-ui.html");
		browser.find(".swagger-ui .info .title");
		// the operations come from /v3/api-docs, fetched by the page's own script
		browser.click(".opblock .opblock-summary");
		browser.find(".opblock.is-open .opblock-body");
		assertThat(browser.pageText()).contains("Grassroots API");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private void choose(String select, String code) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(select + " option[data-code='" + code + "']")));
		String value = browser.driver()
			.findElement(By.cssSelector(select + " option[data-code='" + code + "']"))
			.getAttribute("value");
		new Select(browser.find(select)).selectByValue(value);
	}

	private List<String> waitForConsoleErrors() {
		List<String> errors = List.of();
		for (int tries = 0; tries < 20 && errors.isEmpty(); tries++) {
			errors = browser.consoleErrors();
			if (errors.isEmpty()) {
				sleep();
			}
		}
		return errors;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
