package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city administrator opens the catalogue from the menu, edits a life event's time limit and a
 * task's name on a phone and publishes version 2; the pages fit a phone and a desktop.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueEditorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LifeEventCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	Browser phone;

	Browser desktop;

	String code;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		desktop = Browser.open(port, "1366,900");
		code = Api.uniqueCode("TEST_").toUpperCase(Locale.ROOT);
		catalogue.seed(code, catalogue.get("NEWBORN").definition());
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		jdbc.sql("update le_event set active = false where code = :code").param("code", code).update();
		for (Browser browser : new Browser[] { phone, desktop }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void theCityAdministratorPublishesAnEditOnAPhone() throws Exception {
		phone.signIn("city.admin", Api.DEMO_PASSWORD);
		phone.go("/lifeevents/catalogue?lang=zh_CN");
		phone.find("#catalogue-events");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("le-catalogue-01-phone-list");

		phone.go("/lifeevents/catalogue/" + code);
		phone.find("#editor");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.screenshot("le-catalogue-02-phone-event-top");
		phone.find("#e-limit").clear();
		phone.find("#e-limit").sendKeys("6");
		phone.find("#t-0-zh").clear();
		phone.find("#t-0-zh").sendKeys("出生医学证明签发");
		phone.driver().executeScript("document.getElementById('editor').scrollIntoView({block: 'start', behavior: 'instant'});");
		phone.screenshot("le-catalogue-03-phone-editor");
		phone.click("#publish");
		assertThat(phone.text("#notice")).contains("第 2 版");
		assertThat(phone.text("#shown-version")).isEqualTo("第 2 版");
		assertThat(phone.text("#event-limit")).contains("6");
		assertThat(phone.find("#tasks").getText()).contains("出生医学证明签发");
		assertThat(catalogue.get(code).currentVersion()).isEqualTo(2);
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("le-catalogue-04-phone-published");
		assertThat(phone.consoleErrors()).isEmpty();
	}

	@Test
	void theEventFitsADesktop() throws Exception {
		desktop.signIn("city.admin", Api.DEMO_PASSWORD);
		desktop.click("#nav-le-catalogue");
		desktop.find("#catalogue-events");
		desktop.go("/lifeevents/catalogue/NEWBORN?lang=zh_CN");
		desktop.find("#editor");
		assertThat(desktop.horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop.screenshot("le-catalogue-05-desktop-event");
		desktop.driver().executeScript("document.getElementById('editor').scrollIntoView({block: 'start', behavior: 'instant'});");
		desktop.screenshot("le-catalogue-06-desktop-editor");
		desktop.go("/lifeevents/catalogue/ELEVATOR?lang=en");
		assertThat(desktop.horizontalOverflow()).isLessThanOrEqualTo(0);
		desktop.screenshot("le-catalogue-07-desktop-elevator-en");
	}

}
