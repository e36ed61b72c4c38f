package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nan'an's administrator writes a plan and a measure and reports progress with a photo on a
 * phone; the office looks at the measure and the benchmarking view on a desktop.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansBrowserTests {

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
	void anAdministratorWritesAPlanAndAMeasureAndReportsProgressOnAPhone() throws Exception {
		phone.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(phone.driver().findElement(org.openqa.selenium.By.id("nav-plans")).getAttribute("href")).endsWith("/plans");
		phone.go("/plans");
		phone.fullScreenshot("plans-01-list-phone");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);

		// the plan: a title, one issue, the default period
		phone.click("#new-plan");
		String title = "加装电梯专题调研 " + Api.uniqueCode("");
		phone.find("#plan-title").sendKeys(title);
		phone.find("#plan-topics").sendKeys("老旧小区加装电梯的难点和资金来源");
		phone.click("#cat-ELEVATOR");
		phone.fullScreenshot("plans-02-plan-form-phone");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.click("#save-plan");
		assertThat(phone.text("#plan-title")).isEqualTo(title);
		assertThat(phone.pageText()).contains("老旧小区加装电梯");

		// a measure of it: 20 elevators in the plan's period
		phone.click("#new-measure");
		phone.find("#measure-title").sendKeys("南湖社区加装电梯");
		phone.find("#measure-person").sendKeys("花园路街道 王主任");
		phone.find("#measure-target").sendKeys("20");
		phone.find("#measure-target-unit").sendKeys("部");
		phone.find("#milestone-title").sendKeys("完成业主意见征询");
		// a date input takes its value in the browser's own format: set it as the form sends it
		phone.driver().executeScript("document.getElementById('milestone-due').value = arguments[0];",
				java.time.LocalDate.now(org.grassroots.shared.Times.ZONE).plusDays(14).toString());
		phone.fullScreenshot("plans-03-measure-form-phone");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.click("#save-measure");
		assertThat(phone.find("#measure-status").getAttribute("data-status")).isEqualTo("PLANNED");
		assertThat(phone.text("#measure-percent")).isEqualTo("0.0%");

		// progress with a photo: five installed
		Path photo = Files.createTempFile("elevator", ".png");
		Files.write(photo, PlansIntegrationTests.PNG);
		phone.find("#progress-amount").sendKeys("5");
		phone.find("#progress-note").sendKeys("南湖社区 5 部电梯已完工");
		phone.driver().findElement(org.openqa.selenium.By.id("progress-files")).sendKeys(photo.toString());
		phone.click("#report-progress");
		assertThat(phone.find("#measure-status").getAttribute("data-status")).isEqualTo("IN_PROGRESS");
		assertThat(phone.text("#measure-percent")).isEqualTo("25.0%");
		assertThat(phone.text("#reports")).contains("南湖社区 5 部电梯已完工").contains(photo.getFileName().toString());
		phone.fullScreenshot("plans-04-measure-phone");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
		assertThat(phone.consoleErrors()).isEmpty();
		String measurePage = phone.url().replaceFirst("^https?://[^/]+", "");

		// the office on a desktop: the measure, and the comparison with other districts
		office.signIn("nanan.admin", Api.DEMO_PASSWORD);
		office.go(measurePage);
		office.fullScreenshot("plans-05-measure-desktop");
		assertThat(office.horizontalOverflow()).isLessThanOrEqualTo(0);
		office.go("/plans/benchmark?category=ELEVATOR");
		assertThat(office.pageText()).contains("南湖社区加装电梯");
		office.fullScreenshot("plans-06-benchmark-desktop");
		assertThat(office.horizontalOverflow()).isLessThanOrEqualTo(0);
		phone.go("/plans/benchmark?category=ELEVATOR");
		phone.fullScreenshot("plans-07-benchmark-phone");
		assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
	}

}
