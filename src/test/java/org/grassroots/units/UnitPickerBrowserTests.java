package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: a district administrator types the start of a street's name into the problem
 * search's unit box, picks the street and gets its problems; another district's administrator is
 * offered none of Nan'an's units. The audit page at 390 px is cards, no wider than the phone.
 */
@IntegrationTest
class UnitPickerBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aStreetPickedByNameFiltersTheSearchAndAnotherDistrictIsNotOffered() throws Exception {
		try (Browser browser = Browser.open(port, "1280,800")) {
			browser.signIn("nanan.admin", Api.DEMO_PASSWORD);
			browser.go("/problems/search");
			browser.find("#f-unit").sendKeys("花园");
			WebElement street = choice(browser, "花园", "500108002");
			assertThat(street.getText()).contains("花园路街道").contains("南岸区");
			browser.screenshot("unit-picker-01-suggestions");

			street.click();
			assertThat(browser.find("#f-unit").getDomProperty("value")).isEqualTo("花园路街道");
			assertThat(browser.driver().findElement(By.id("f-unit-menu")).isDisplayed()).isFalse();
			browser.click("#search-form button[type=submit]");

			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("unit=500108002"));
			assertThat(browser.find("#f-unit").getDomProperty("value")).isEqualTo("花园路街道");
			List<String> holders = browser.driver()
				.findElements(By.cssSelector(".problem-list tbody tr td:nth-child(5)"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(holders).isNotEmpty().allSatisfy(holder -> assertThat(holder).startsWith("花园路"));
			browser.screenshot("unit-picker-02-filtered");

			// the keyboard works too: down into the list, enter on a choice
			browser.find("#f-unit").clear();
			browser.find("#f-unit").sendKeys("铜元");
			choice(browser, "铜元", "500108901");
			browser.find("#f-unit").sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
			browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
			assertThat(browser.find("#f-unit").getDomProperty("value")).isEqualTo("铜元局街道");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		try (Browser yuzhong = Browser.open(port, "1280,800")) {
			yuzhong.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
			yuzhong.go("/problems/search");
			yuzhong.find("#f-unit").sendKeys("花园");
			yuzhong.find("#f-unit-menu .unit-choice-none");
			assertThat(yuzhong.driver().findElements(By.cssSelector("#f-unit-menu .unit-choice"))).isEmpty();
			yuzhong.screenshot("unit-picker-03-other-district");

			// typed anyway, the code comes back as a message on the same form
			yuzhong.find("#f-unit").clear();
			yuzhong.find("#f-unit").sendKeys("500108002");
			yuzhong.click("#search-form button[type=submit]");
			assertThat(yuzhong.text("#unit-error")).contains("500108002");
			assertThat(yuzhong.find("#f-unit").getDomProperty("value")).isEqualTo("500108002");
			assertThat(yuzhong.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aSteeringGroupIsGivenTwoDistrictsPickedByName() throws Exception {
		String username = Api.uniqueCode("group.").toLowerCase();
		try (Browser browser = Browser.open(port, "1280,800")) {
			browser.signIn("system.admin", Api.DEMO_PASSWORD);
			browser.go("/accounts");
			assertThat(browser.find("#open-unit").getDomProperty("value")).isEqualTo("重庆市");
			browser.find("#open-username").sendKeys(username);
			browser.find("#open-display-name").sendKeys("第九巡回指导组");
			browser.click("#open-account button[type=submit]");
			assertThat(browser.text("#notice")).contains(username);
			browser.driver().manage().deleteAllCookies();

			// the security administrator grants the role, with two districts picked by name
			long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
			String box = "grant-assigned-" + id;
			browser.signIn("security.admin", Api.DEMO_PASSWORD);
			browser.go("/accounts?q=" + username);
			browser.click(".grant-role summary");
			new org.openqa.selenium.support.ui.Select(browser.find("#grant-role-" + id)).selectByValue("STEERING_GROUP");
			browser.find("#" + box).sendKeys("南岸");
			pick(browser, choice(browser, box, "南岸", "500108"));
			browser.find("#" + box).sendKeys("渝中");
			pick(browser, choice(browser, box, "渝中", "500103"));
			List<String> chips = browser.driver()
				.findElements(By.cssSelector(".grant-role .unit-chip"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(chips).containsExactly("南岸区", "渝中区");
			browser.screenshot("unit-picker-04-steering-group");
			browser.click(".grant-role button[type=submit]");
			assertThat(browser.text("#notice")).contains(username);
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(jdbc.sql("""
				select u.unit_code from account_role_unit u join account_role r on r.id = u.role_id
				join account a on a.id = r.account_id where a.username = :u order by u.unit_code
				""").param("u", username).query(String.class).list()).containsExactly("500103", "500108");
	}

	@Test
	void theAuditPageIsCardsOnAPhoneAndTakesAPickedUnit() throws Exception {
		try (Browser phone = Browser.open(port, "390,844")) {
			phone.signIn("nanan.admin", Api.DEMO_PASSWORD);
			phone.go("/audit");
			phone.find("#audit-entries");
			assertThat(((Number) phone.driver().executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
			assertThat(overflow(phone)).isLessThanOrEqualTo(0);
			phone.screenshot("audit-phone-01-records");

			phone.find("#f-unit").sendKeys("花园");
			WebElement street = choice(phone, "花园", "500108002");
			assertThat(overflow(phone)).as("the open list stays within the phone").isLessThanOrEqualTo(0);
			phone.screenshot("audit-phone-02-picker");
			street.click();
			phone.click("#audit-filter-submit");
			new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("unit=500108002"));
			phone.find("#audit-entries");
			assertThat(overflow(phone)).isLessThanOrEqualTo(0);
			phone.driver().executeScript("document.getElementById('audit-entries').scrollIntoView({behavior: 'instant'});");
			phone.screenshot("audit-phone-03-filtered");
			assertThat(phone.consoleErrors()).isEmpty();
		}
		try (Browser desktop = Browser.open(port, "1280,800")) {
			desktop.signIn("nanan.admin", Api.DEMO_PASSWORD);
			desktop.go("/audit?kind=PROBLEM_ASSIGN");
			desktop.find("#audit-entries");
			desktop.screenshot("audit-desktop-01-assigned");
			desktop.go("/audit?lang=en");
			desktop.find("#audit-entries");
			desktop.screenshot("audit-desktop-02-english");
			assertThat(desktop.consoleErrors()).isEmpty();
		}
	}

	/**
	 * The suggestion for this code once the list answers what was typed: focusing the box first
	 * lists the top of the scope, and that answer may still be on show for a moment.
	 */
	private static WebElement choice(Browser browser, String typed, String code) {
		return choice(browser, "f-unit", typed, code);
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

	/** A choice low on the screen is scrolled to first, as a person would. */
	private static void pick(Browser browser, WebElement choice) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", choice);
		choice.click();
	}

	private static long overflow(Browser browser) {
		return browser.horizontalOverflow();
	}

}
