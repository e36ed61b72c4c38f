package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the detail page offers explained actions with nothing chosen, tells its history in
 * words, the inbox moves a closed problem's notice to 已处理, and the accounts page names units.
 * Screenshots under target/screenshots (names-*). Problems live in Yuzhong.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesAndInboxBrowserTests {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

	@LocalServerPort
	int port;

	Browser office;

	Browser street;

	Browser phone;

	ProblemSteps steps;

	@BeforeAll
	void openBrowsers() throws Exception {
		office = Browser.open(port, "1280,900");
		street = Browser.open(port, "1280,900");
		phone = Browser.open(port, "390,844");
		steps = new ProblemSteps(new Api(port));
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { office, street, phone }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	/** The whole page in one picture: the window as tall as the page, then back. */
	private static void fullPage(Browser browser, String name) throws Exception {
		org.openqa.selenium.Dimension size = browser.driver().manage().window().getSize();
		Object height = browser.driver().executeScript("return document.documentElement.scrollHeight");
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
				Math.min(((Number) height).intValue() + 140, 4000)));
		browser.screenshot(name);
		browser.driver().manage().window().setSize(size);
	}

	@Test
	void theDetailPageTheInboxAndTheAccountsSpeakInNames() throws Exception {
		long id = steps.register("yuzhong.admin", Api.uniqueCode("解放碑步行街 路面破损 "));
		String ledgerNo = steps.problem("yuzhong.admin", id).path("ledgerNo").asString();

		// the office accepts on the page and sees the dispatching actions, each explained, nothing chosen
		office.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		office.go("/problems/" + id);
		office.click("#accept-form button");
		office.find("#notice");
		Select picker = new Select(office.find("#assign-form select[name=unitId]"));
		assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEmpty();
		assertThat(office.find("#assign-form select[name=unitId]").getAttribute("required")).isNotNull();
		assertThat(office.text("#actions")).contains("交给本单位或一个直属下级单位整改").contains("再分派")
			.contains("每个单位各得一个子问题");
		fullPage(office, "names-01-detail-actions");

		// a form sent without a unit stays on the page: the browser asks for the choice first
		office.click("#assign-form button");
		assertThat(office.driver().findElements(By.id("notice"))).as("nothing was assigned").isNotEmpty();
		assertThat(steps.state(id)).isEqualTo("ACCEPTED");

		// assigned to Jiefangbei on the page, rectified, returned twice, recognized by both sides
		picker = new Select(office.find("#assign-form select[name=unitId]"));
		picker.selectByValue(office.driver().findElement(By.cssSelector("#assign-form option[data-code='500103901']"))
			.getAttribute("value"));
		office.click("#assign-form button");
		assertThat(office.find("#problem-state").getAttribute("data-state")).isEqualTo("ASSIGNED");
		steps.ok("jiefangbei.worker", id, "plan", "measures", "铺设新路面");
		for (int round = 0; round < 2; round++) {
			steps.ok("jiefangbei.worker", id, "submit", "evidence", "已铺设");
			steps.ok("yuzhong.admin", id, "return", "note", "接缝不平");
		}
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已重新铺设");

		// the street recognizes on its page: its recognition is not offered again
		street.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		street.go("/problems/" + id);
		street.click("#recognize-form button");
		street.find("#notice");
		assertThat(street.driver().findElements(By.id("recognize-form"))).isEmpty();
		street.screenshot("names-02-detail-street-recognized");
		office.go("/problems/" + id);
		office.click("#recognize-form button");
		assertThat(office.find("#problem-state").getAttribute("data-state")).isEqualTo("CLOSED");

		// the history reads as sentences in both languages
		String chinese = office.text("#timeline");
		assertThat(chinese).doesNotContainPattern(CODE).contains("系统（渝中区）督办了问题").contains("问题转为“已销号”");
		office.go("/problems/" + id + "?lang=en");
		String english = office.text("#timeline");
		assertThat(english).doesNotContainPattern(CODE).contains("The system").contains("(now Closed)");
		fullPage(office, "names-03-detail-timeline-en");
		office.go("/problems/" + id + "?lang=zh_CN");
		fullPage(office, "names-04-detail-closed");

		// the street's inbox: the closed problem's notices under 已处理, greyed; the badge counts the rest
		street.go("/inbox");
		assertThat(street.driver().findElements(By.cssSelector("#notices li[data-ledger='" + ledgerNo + "']"))).isEmpty();
		String badge = street.driver().findElements(By.id("inbox-unread")).isEmpty() ? "0" : street.text("#inbox-unread");
		assertThat(street.text("#tab-todo")).contains("（" + badge + "）");
		fullPage(street, "names-05-inbox-todo");
		street.click("#tab-done");
		List<WebElement> done = street.driver()
			.findElements(By.cssSelector("#notices li[data-ledger='" + ledgerNo + "'][data-kind='SUBMITTED']"));
		// one per submission: the three times it was handed in, all done
		assertThat(done).hasSize(3).allMatch(notice -> notice.getAttribute("class").contains("notice-done"));
		fullPage(street, "names-06-inbox-done");

		// on a phone too
		phone.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		phone.go("/inbox?tab=done");
		phone.find("#notices");
		phone.screenshot("names-07-inbox-phone");

		// the accounts page names units and a steering group's units
		office.driver().manage().deleteAllCookies();
		office.signIn("security.admin", Api.DEMO_PASSWORD);
		office.go("/accounts?q=.");
		String accounts = office.text("#accounts");
		assertThat(accounts).doesNotContain("/500000/").doesNotContain("[500").contains("巡回指导组：");
		fullPage(office, "names-08-accounts");

		for (Browser browser : new Browser[] { office, street, phone }) {
			assertThat(browser.consoleErrors()).as("console errors").isEmpty();
		}
	}

}
