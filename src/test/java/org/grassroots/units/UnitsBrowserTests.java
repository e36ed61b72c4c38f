package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A district administrator browses the tree in Chromium, is refused Yuzhong, and switches to English. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	void openBrowser() throws Exception {
		browser = Browser.open(port, "1280,800");
	}

	@AfterAll
	void closeBrowser() throws Exception {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void nananAdministratorBrowsesToACommunityIsRefusedYuzhongAndSwitchesToEnglish() throws Exception {
		// the sign-in page is Chinese
		browser.go("/login");
		assertThat(browser.pageText()).contains("登录");
		browser.screenshot("01-login");
		browser.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(browser.text("#dash-unit")).isEqualTo("南岸区");
		browser.screenshot("02-home");

		// the tree opens at Nan'an and unfolds lazily down to a community
		browser.find("#nav-units").click();
		browser.find("[data-code='500108'] > details > summary .toggle").click();
		browser.find("[data-code='500108002'] > details > summary .toggle").click();
		browser.find("a[data-unit='500108002001']");
		browser.screenshot("03-tree");
		browser.find("a[data-unit='500108002001']").click();
		assertThat(browser.text("#unit-code")).isEqualTo("500108002001");
		assertThat(browser.pageText()).contains("花园路街道").contains("演示数据");
		browser.screenshot("04-community");

		// a Yuzhong unit is not found for Nan'an
		long yuzhongStreet = jdbc.sql("select id from unit where code = '500103901'").query(Long.class).single();
		browser.go("/units/" + yuzhongStreet);
		assertThat(browser.text("#error-text")).contains("不在您的数据范围内");
		browser.screenshot("05-refused");

		// English on request, and it stays
		browser.go("/units/" + jdbc.sql("select id from unit where code = '500108002'").query(Long.class).single());
		browser.find("#lang-switch").click();
		assertThat(browser.text("#unit-name")).isEqualTo("Huayuanlu Street");
		assertThat(browser.pageText()).contains("Units below").contains("Sign out");
		browser.go("/");
		assertThat(browser.pageText()).contains("Welcome");
		browser.screenshot("06-english");
	}

}
