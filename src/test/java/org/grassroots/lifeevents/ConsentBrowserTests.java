package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Jiefangbei office registers a building's owners and opens the vote on a desktop, prints the
 * links, and an owner votes through their link on a phone, without signing in; the office follows
 * the tally on a phone too.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	Browser office;

	Browser owner;

	@BeforeAll
	void openBrowsers() throws Exception {
		office = Browser.open(port, "1366,900");
		owner = Browser.open(port, "390,844");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { office, owner }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void theOfficeRunsTheVoteAndAnOwnerVotesOnAPhone() throws Exception {
		ConsentSteps steps = new ConsentSteps(new Api(port), jdbc, publisher, transactions);
		String building = Api.uniqueCode("民族路 66 号 ");
		long id = steps.openFiled(steps.community(ConsentSteps.YUZHONG_STREET), building);

		// the office finds the consent from its menu and registers two owners
		office.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		office.go("/");
		office.click("#nav-consents");
		office.click("tr[data-consent='" + id + "'] a");
		assertThat(office.find("#consent-state").getAttribute("data-state")).isEqualTo("REGISTERING");
		addOwner("陈一", "2-101", "88.50", true, "13800138001");
		addOwner("陈二", "2-201", "75.25", false, "");
		assertThat(office.find("#owners").getText()).contains("陈一", "138****8001", "陈二");
		office.fullScreenshot("consent-01-registering-desktop");

		// opens the vote and gets the sheet of links with their QR codes
		office.click("#open-vote button");
		assertThat(office.find("#links-once")).isNotNull();
		String link = office.find(".voting-link[data-flat='2-101'] .voting-url").getAttribute("href");
		assertThat(link).contains("/consent/vote/");
		assertThat(office.horizontalOverflow()).isLessThanOrEqualTo(0);
		office.fullScreenshot("consent-02-links-desktop");

		// the owner opens the link on a phone, without signing in, and votes
		owner.go(link.substring(link.indexOf("/consent/")));
		assertThat(owner.find("#ballot-building").getText()).isEqualTo(building);
		assertThat(owner.find("#ballot-flat").getText()).isEqualTo("2-101");
		assertThat(owner.find("#ballot-affected")).as("the owner whose space is taken is told so").isNotNull();
		assertThat(owner.horizontalOverflow()).as("the ballot fits a phone").isLessThanOrEqualTo(0);
		owner.fullScreenshot("consent-03-ballot-phone");
		owner.click("label[for='vote-AGREE']");
		owner.click("#cast-vote");
		assertThat(owner.find("#ballot-vote").getText()).isEqualTo("同意");
		assertThat(owner.driver().findElements(org.openqa.selenium.By.id("ballot-form"))).as("no second vote").isEmpty();
		owner.fullScreenshot("consent-04-voted-phone");
		owner.go(link.substring(link.indexOf("/consent/")) + "?lang=en");
		assertThat(owner.find("#ballot-vote").getText()).isEqualTo("Agree");

		// the office sees the vote in the tally, on a desktop and on a phone
		office.go("/lifeevents/consents/" + id);
		assertThat(office.find("tr[data-flat='2-101'] .owner-vote").getText()).contains("同意");
		assertThat(office.find("#vote-progress").getText()).contains("1");
		office.fullScreenshot("consent-05-voting-desktop");
		office.emulate(390, 844);
		office.go("/lifeevents/consents/" + id);
		assertThat(office.horizontalOverflow()).as("the office page fits a phone").isLessThanOrEqualTo(0);
		office.fullScreenshot("consent-06-voting-phone");

		// on the phone, the office records the other owner's paper vote and closes the vote: it passes to notice
		new Select(office.find("tr[data-flat='2-201'] select[name='vote']")).selectByValue("AGREE");
		office.find("tr[data-flat='2-201'] input[name='note']").sendKeys("纸质表决票存社区档案");
		office.click("tr[data-flat='2-201'] form.record-vote button");
		assertThat(office.find("tr[data-flat='2-201'] .owner-vote").getText()).contains("同意", "纸质表决票存社区档案");
		office.click("#close-vote button");
		assertThat(office.find("#consent-state").getAttribute("data-state")).isEqualTo("NOTICE");
		assertThat(office.find("#tally-result").getAttribute("data-passes")).isEqualTo("true");
		String noticePage = office.find("#public-notice").getAttribute("href");
		office.emulate(1366, 900);

		// anyone reads the notice on a phone and objects
		owner.go(noticePage.substring(noticePage.indexOf("/consent/")));
		assertThat(owner.find("#notice-building").getText()).isEqualTo(building);
		assertThat(owner.pageText()).doesNotContain("陈一", "陈二", "2-101");
		assertThat(owner.horizontalOverflow()).as("the notice fits a phone").isLessThanOrEqualTo(0);
		owner.fullScreenshot("consent-07-notice-phone");
		owner.find("#objector").sendKeys("邻居周某");
		owner.find("#contact").sendKeys("13600136000");
		owner.find("#objection").sendKeys("担心电梯井遮挡采光");
		owner.click("#objection-form button");
		assertThat(owner.find("#notice").getText()).isNotBlank();

		// the office sees it, masked
		office.go("/lifeevents/consents/" + id);
		assertThat(office.find("#objections").getText()).contains("邻居周某", "136****6000", "担心电梯井遮挡采光");
		assertThat(office.find("#decide-later")).isNotNull();
		office.fullScreenshot("consent-08-notice-desktop");
	}

	private void addOwner(String name, String flat, String area, boolean affected, String phone) {
		office.find("#owner-name").sendKeys(name);
		office.find("#owner-flat").sendKeys(flat);
		office.find("#owner-area").sendKeys(area);
		if (affected) {
			office.click("#owner-affected");
		}
		if (!phone.isEmpty()) {
			office.find("#owner-phone").sendKeys(phone);
		}
		office.click("#add-owner button");
		assertThat(office.find("#notice").getText()).isNotBlank();
	}

}
