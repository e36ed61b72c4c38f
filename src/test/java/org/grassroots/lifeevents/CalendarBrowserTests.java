package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city administrator opens the working-day calendar from the menu on a phone, reads 2026's
 * Spring Festival, sets a Saturday worked in a year not entered yet and removes it again; the
 * page fits a phone and a desktop.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserTests {

	static final LocalDate SATURDAY = LocalDate.of(2034, 3, 4);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	Browser phone;

	Browser desktop;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		desktop = Browser.open(port, "1366,900");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { phone, desktop }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@AfterEach
	void clean() {
		jdbc.sql("delete from le_calendar_day where cal_date = :day").param("day", SATURDAY).update();
		calendar.refresh();
	}

	@Test
	void theCityAdministratorSetsAndRemovesADayOnAPhone() throws Exception {
		phone.signIn("city.admin", Api.DEMO_PASSWORD);
		phone.go("/lifeevents/calendar?year=2026&lang=zh_CN");
		phone.find("#calendar-page");
		assertThat(phone.find("td.cal-workday[data-day='2026-02-14']").getText()).contains("14").contains("班");
		assertThat(phone.find("td.cal-holiday[data-day='2026-02-17']").getAttribute("title")).contains("春节");
		assertThat(phone.find("#working-days").getAttribute("data-count")).isEqualTo("248");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("le-calendar-01-phone-2026");

		phone.go("/lifeevents/calendar?year=2034");
		phone.find("#not-entered");
		phone.find("#c-day").sendKeys("");
		phone.driver().executeScript("document.getElementById('c-day').value = arguments[0];", SATURDAY.toString());
		new Select(phone.find("#c-kind")).selectByValue("WORKDAY");
		phone.find("#c-name-zh").sendKeys("测试调休");
		phone.click("#day-save");
		assertThat(phone.text("#notice")).contains("2034-03-04");
		assertThat(phone.find("td.cal-workday[data-day='2034-03-04']").getText()).contains("班");
		assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("le-calendar-02-phone-set");
		phone.screenshot("le-calendar-02a-phone-top");
		phone.driver().executeScript("document.getElementById('calendar-days').scrollIntoView({block: 'start', behavior: 'instant'});");
		phone.screenshot("le-calendar-02b-phone-list-and-form");

		phone.click("tr[data-day='2034-03-04'] .remove-day");
		assertThat(phone.text("#notice")).contains("2034-03-04");
		assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();
		assertThat(phone.consoleErrors()).isEmpty();

		// in English the marks are words, and still fit
		phone.go("/lifeevents/calendar?year=2026&lang=en");
		assertThat(phone.find("td.cal-workday[data-day='2026-02-14']").getText()).contains("work");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.screenshot("le-calendar-05-phone-en");
		phone.go("/lifeevents/calendar?lang=zh_CN");
	}

	@Test
	void theYearFitsADesktop() throws Exception {
		desktop.signIn("city.admin", Api.DEMO_PASSWORD);
		desktop.click("#nav-le-calendar");
		desktop.find("#months");
		desktop.go("/lifeevents/calendar?year=2026&lang=zh_CN");
		assertThat(desktop.horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop.fullScreenshot("le-calendar-03-desktop-2026");
		desktop.go("/lifeevents/calendar?year=2026&day=2026-10-10&lang=en");
		assertThat(desktop.find("#c-name-en").getAttribute("value")).isEqualTo("National Day");
		desktop.fullScreenshot("le-calendar-04-desktop-edit-en");
	}

}
