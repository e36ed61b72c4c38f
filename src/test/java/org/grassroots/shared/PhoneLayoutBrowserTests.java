package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages on a phone (390 x 844): no page is wider than the screen, and list tables show each row
 * as a card with every value labelled (the table-cards pattern of grassroots.css). Screenshots go to
 * target/screenshots/phone-*.png.
 */
@IntegrationTest
class PhoneLayoutBrowserTests {

	static final String PHONE = "390,844";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListsTheIssueNamedAreCardsAndFitThePhone() throws Exception {
		long plan = jdbc.sql("select min(id) from study_plan where title = '本月主题教育理论学习'").query(Long.class).single();
		try (Browser phone = Browser.open(port, PHONE)) {
			phone.signIn("nanan.admin", Api.DEMO_PASSWORD);
			assertThat(phone.innerWidth()).isEqualTo(390);

			// the work queue: every problem a card headed by its title across the card
			phone.go("/problems");
			assertCards(phone, ".problem-list");
			assertTitleAcrossTheCard(phone, ".problem-list tbody tr td.cell-head");
			assertFits(phone, "phone-01-queue");

			phone.go("/problems/search");
			assertCards(phone, ".problem-list");
			// the search and export buttons keep their words on one line
			for (WebElement button : phone.driver().findElements(By.cssSelector("#search-form .btn"))) {
				assertThat(button.getSize().getHeight()).as(button.getText()).isLessThan(40);
			}
			assertFits(phone, "phone-02-search");

			phone.go("/ledger/500108");
			assertCards(phone, "#ledger");
			assertFits(phone, "phone-03-ledger");

			phone.go("/units/import");
			phone.find("#file");
			assertFits(phone, "phone-04-units-import");

			phone.go("/learning/plans/" + plan);
			assertCards(phone, "#coverage");
			assertFits(phone, "phone-05-plan");
		}
	}

	@Test
	void aStreetCaseworkerSeesTheDistrictsPlanAtTheirStreetOnAPhone() throws Exception {
		long plan = jdbc.sql("select min(id) from study_plan where title = '本月主题教育理论学习'").query(Long.class).single();
		try (Browser phone = Browser.open(port, PHONE)) {
			phone.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
			phone.go("/learning");
			phone.click("[data-plan='" + plan + "'] a");
			assertThat(phone.text("#coverage-unit")).contains("花园路街道");
			assertThat(phone.text("#coverage-lineage")).contains("重庆市").contains("南岸区").contains("花园路街道");
			assertCards(phone, "#coverage");
			assertFits(phone, "phone-06-plan-street");

			// a community drills down; the street in the breadcrumb leads back
			phone.click("#coverage tr[data-unit='500108002001'] a");
			assertThat(phone.text("#coverage-unit")).contains("花园路翠园社区");
			phone.click("#coverage-lineage [data-unit='500108002'] a");
			assertThat(phone.text("#coverage-unit")).contains("花园路街道");

			// another street of Nan'an is not found, on a page that keeps the navigation
			long other = jdbc.sql("""
					select id from unit where path like '/500000/500108/%' and level = 'STREET' and code <> '500108002'
					order by code fetch first 1 rows only
					""").query(Long.class).single();
			phone.go("/learning/plans/" + plan + "?unitId=" + other);
			assertThat(phone.text("#error-text")).contains("不在您的数据范围内");
			// Chromium logs the page's own 404 status as a console error: that one is expected
			assertThat(phone.consoleErrors()).allSatisfy(error -> assertThat(error).contains("404"));
			phone.click(".navbar-toggler");
			assertThat(phone.find("#logout").getText()).contains("huayuanlu.worker");
			assertFits(phone, "phone-07-not-found");
		}
	}

	@Test
	void everyOtherListAndFormFitsThePhone() throws Exception {
		long district = jdbc.sql("select id from unit where code = '500108'").query(Long.class).single();
		long problem = jdbc.sql("select min(id) from problem where title = '社区养老服务站开放时间短'").query(Long.class).single();
		Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
		pages.put("city.admin", List.of("/", "/dashboard", "/dashboard/units/500108", "/dashboard/units/500108/reports",
				"/dashboard/topics", "/dashboard/weights", "/dashboard/units/500108/problems?measure=OPEN", "/problems/categories",
				"/open311/keys", "/audit", "/units", "/units/" + district, "/learning", "/learning/points",
				"/learning/sessions", "/learning/members/import", "/inbox", "/problems/new", "/problems/" + problem));
		pages.put("member.li", List.of("/learn"));
		pages.put("security.admin", List.of("/", "/accounts"));
		pages.put("security.auditor", List.of("/audit", "/audit/integrity?verify=true"));
		try (Browser phone = Browser.open(port, PHONE)) {
			for (var entry : pages.entrySet()) {
				phone.signIn(entry.getKey(), Api.DEMO_PASSWORD);
				for (String page : entry.getValue()) {
					phone.go(page);
					phone.find("nav");
					assertFits(phone, "phone-" + entry.getKey() + page.replaceAll("[^A-Za-z0-9]+", "-"));
				}
				phone.driver().manage().deleteAllCookies();
			}
			for (String page : List.of("/report", "/track", "/login")) {
				phone.go(page);
				phone.find("main");
				assertFits(phone, "phone-signed-out" + page.replaceAll("[^A-Za-z0-9]+", "-"));
			}
		}
	}

	/** Rows are cards: no header row, each row a box, each labelled value showing its label. */
	private static void assertCards(Browser phone, String table) {
		WebElement list = phone.find(table);
		assertThat(list.getAttribute("class")).contains("table-cards");
		assertThat(list.findElement(By.tagName("thead")).isDisplayed()).isFalse();
		List<WebElement> rows = list.findElements(By.cssSelector("tbody > tr"));
		assertThat(rows).isNotEmpty();
		for (WebElement row : rows) {
			assertThat(row.getCssValue("display")).isEqualTo("flex");
			assertThat(row.getCssValue("border-top-style")).isEqualTo("solid");
		}
		WebElement labelled = rows.get(0).findElement(By.cssSelector("td[data-label]:not(.cell-head)"));
		Object before = phone.driver().executeScript("return getComputedStyle(arguments[0], '::before').content;", labelled);
		assertThat(before).isEqualTo("\"" + labelled.getAttribute("data-label") + "\"");
	}

	/** A title takes the card's width and wraps by words, not one character a line. */
	private static void assertTitleAcrossTheCard(Browser phone, String css) {
		for (WebElement title : phone.driver().findElements(By.cssSelector(css))) {
			assertThat(title.getSize().getWidth()).as(title.getText()).isGreaterThan(300);
			long lines = Math.round(title.getSize().getHeight() / 24.0);
			assertThat(lines).as(title.getText()).isLessThanOrEqualTo(Math.max(1, title.getText().length() / 10));
		}
	}

	/** Nothing sticks out sideways, and the console logged no error (a refused style, a missing favicon). */
	private static void assertFits(Browser phone, String screenshot) throws Exception {
		assertThat(phone.innerWidth()).as(screenshot).isEqualTo(390);
		assertThat(phone.horizontalOverflow()).as(screenshot + ": the page is wider than the phone").isLessThanOrEqualTo(0);
		assertThat(phone.consoleErrors()).as(screenshot).isEmpty();
		phone.fullScreenshot(screenshot);
	}

}
