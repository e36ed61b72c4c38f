package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * resident.wang applies for a newborn on a phone; the health, public security and medical insurance
 * officers complete their tasks on their pages (the others through the API); the resident sees one
 * result and rates it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifeEventsBrowserTests {

	@LocalServerPort
	int port;

	Browser phone;

	Browser office;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		office = Browser.open(port, "1366,900");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { phone, office }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void aResidentAppliesOnceOnAPhoneAndGetsOneResult() throws Exception {
		phone.signIn("resident.wang", Api.DEMO_PASSWORD);
		phone.go("/lifeevents");
		assertThat(phone.pageText()).contains("出生一件事", "承诺 5 个工作日办结");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("lifeevents-01-catalogue-phone");
		phone.click("#apply-NEWBORN");
		phone.find("#apply-form");
		phone.find("#f-childName").clear();
		phone.find("#f-childName").sendKeys("王小禾");
		fill("childBirthDate", "2026-11-27");
		fill("childSex", "M");
		fill("birthHospital", "重庆市南岸区人民医院");
		fill("motherName", "李芳");
		fill("motherIdCard", LifeEventSteps.idCard("50010819920315002"));
		fill("fatherName", "王强");
		fill("fatherIdCard", LifeEventSteps.idCard("50010819900708001"));
		fill("phone", "13812345678");
		fill("address", "重庆市南岸区花园路街道翠园路 18 号");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("lifeevents-02-apply-phone");
		phone.click("#apply-submit");

		String reference = phone.text("#reference");
		assertThat(reference).startsWith("YJS");
		long id = Long.parseLong(phone.url().replaceAll(".*/my/applications/(\\d+).*", "$1"));
		assertThat(phone.text("#progress")).contains("出生医学证明", "待受理", "等待前置事项");
		phone.fullScreenshot("lifeevents-03-progress-phone");

		LifeEventSteps steps = new LifeEventSteps(new Api(port));
		completeOnPage(steps, "nanan.health", id, "BIRTH_CERTIFICATE", "出生医学证明 Q500108261127");
		completeOnPage(steps, "nanan.police", id, "HOUSEHOLD_REGISTRATION", "户口已登记，户号 500108-2611-0088");
		completeOnPage(steps, "nanan.medins", id, "MEDICAL_INSURANCE", "城乡居民医保已参保");
		steps.completed("nanan.hrss", id, "SOCIAL_SECURITY_CARD");
		steps.completed("nanan.health", id, "VACCINATION_RECORD");
		steps.completed("nanan.health", id, "CHILDCARE_SUBSIDY");

		phone.go("/my/applications/" + id);
		assertThat(phone.text("#result")).contains("全部办结");
		assertThat(phone.text("#progress")).contains("出生医学证明 Q500108261127", "户口已登记", "城乡居民医保已参保")
			.doesNotContain("待受理");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.fullScreenshot("lifeevents-04-result-phone");
		phone.click("#rate-submit");
		assertThat(phone.text("#rated")).contains("满意");
		assertThat(phone.consoleErrors()).isEmpty();
	}

	private void fill(String key, String value) {
		phone.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", "f-" + key, value);
	}

	private void completeOnPage(LifeEventSteps steps, String officer, long id, String code, String result) throws Exception {
		long task = steps.task("resident.wang", id, code).path("id").asLong();
		office.driver().manage().deleteAllCookies();
		office.signIn(officer, Api.DEMO_PASSWORD);
		office.click("#nav-lifeevents-office");
		assertThat(office.text("#queue")).contains(steps.task("resident.wang", id, code).path("nameZh").asString());
		if (code.equals("BIRTH_CERTIFICATE")) {
			office.fullScreenshot("lifeevents-05-queue-desktop");
		}
		office.go("/lifeevents/tasks/" + task);
		office.find("#result").sendKeys(result);
		if (code.equals("BIRTH_CERTIFICATE")) {
			office.fullScreenshot("lifeevents-06-task-desktop");
		}
		office.click("#complete");
		assertThat(office.text("#task-state")).isEqualTo("已办结");
		assertThat(office.horizontalOverflow()).isLessThanOrEqualTo(0);
	}

}
