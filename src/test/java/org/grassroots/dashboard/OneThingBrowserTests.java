package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-thing panel (一件事一次办) in Chromium on a district of the tests' own: readable on a
 * phone (390 px) and a desktop (1366 px) without sideways scrolling, the per-event rows as cards
 * on the phone, in Chinese and in English. Screenshots of the panel go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneThingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitManagement units;

	@Autowired
	TestCampaignItems items;

	@Autowired
	JdbcClient jdbc;

	OneThingDistrict d;

	@BeforeAll
	void fileTheApplications() {
		d = new OneThingDistrict(units, items, jdbc).fileAll();
	}

	@Test
	void thePanelFitsAPhoneAndADesktop() throws Exception {
		try (Browser browser = Browser.open(port, "1366,900")) {
			browser.signIn("city.admin", Api.DEMO_PASSWORD);
			for (int width : new int[] { 1366, 390 }) {
				browser.emulate(width, width < 576 ? 844 : 900);
				browser.go("/dashboard/units/" + d.district.code() + "?month=" + d.month);
				assertThat(browser.text("#le-applied")).isEqualTo("4");
				assertThat(browser.text("#one-thing-events")).contains("测试新生儿出生", "未命名事项1")
					.doesNotContain(TestLifeEventNames.UNNAMED);
				assertThat(browser.horizontalOverflow()).as("sideways scrolling at %d px", width).isLessThanOrEqualTo(0);
				panel(browser, "one-thing-" + width);
				if (width < 576) {
					browser.fullScreenshot("one-thing-page-" + width);
				}
			}
			browser.go("/dashboard/units/" + d.district.code() + "?month=" + d.month + "&lang=en");
			assertThat(browser.text("#one-thing")).contains("One thing done at one time", "Test newborn",
					"Unnamed life event 1", "Material not valid");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
			panel(browser, "one-thing-390-en");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	/**
	 * The panel at the top of the window, for people to look at (an element's own shot times out
	 * under load; the jump is instant, as Bootstrap's smooth scrolling would still be under way).
	 */
	private static void panel(Browser browser, String name) throws Exception {
		browser.driver()
			.executeScript("document.getElementById('one-thing').scrollIntoView({block: 'start', behavior: 'instant'});");
		browser.screenshot(name);
	}

}
