package org.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone, the Yuzhong office writes up a closed problem as a typical case with a photo and
 * submits it; the city office, on a phone too, finds it waiting and publishes it city-wide; Nan'an
 * reads it in the library on a desktop.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesBrowserTests {

	@LocalServerPort
	int port;

	Browser writer;

	Browser approver;

	Browser desk;

	@BeforeAll
	void openBrowsers() throws Exception {
		writer = Browser.open(port, "390,844");
		approver = Browser.open(port, "390,844");
		desk = Browser.open(port, "1366,900");
	}

	@AfterAll
	void closeBrowsers() throws Exception {
		for (Browser browser : new Browser[] { writer, approver, desk }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void anOfficeWritesACaseOnAPhoneAndTheCityOfficeApprovesIt() throws Exception {
		CaseSteps steps = new CaseSteps(new Api(port));
		long problem = steps.closedProblem(Api.uniqueCode("放学时段校门口拥堵 "));

		// the Yuzhong office opens the closed problem and writes it up
		writer.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		writer.go("/problems/" + problem);
		writer.click("#write-case");
		assertThat(writer.find("#case-ledger").getAttribute("value")).isEqualTo(steps.problem(problem).path("ledgerNo").asString());
		String title = Api.uniqueCode("护学岗让校门口不再拥堵 ");
		writer.find("#case-title").clear();
		writer.find("#case-title").sendKeys(title);
		writer.find("#case-result").sendKeys("放学通行时间由 25 分钟降至 8 分钟");
		writer.find("#case-lessons").sendKeys("找准牵头单位，多方共治");
		new Select(writer.find("#case-reach")).selectByValue("CITY");
		writer.find("#case-photos").sendKeys(photo().toString());
		assertThat(writer.horizontalOverflow()).as("the form fits a phone").isLessThanOrEqualTo(0);
		writer.fullScreenshot("cases-01-write-phone");
		writer.click("#case-save");
		assertThat(writer.find("#case-state").getAttribute("data-state")).isEqualTo("DRAFT");
		assertThat(writer.find("#case-photos img")).isNotNull();
		writer.click("#submit-form button");
		assertThat(writer.find("#case-state").getAttribute("data-state")).isEqualTo("SUBMITTED");
		assertThat(writer.horizontalOverflow()).isLessThanOrEqualTo(0);
		writer.fullScreenshot("cases-02-submitted-phone");

		// the city office finds it waiting for approval and publishes it city-wide
		approver.signIn("city.admin", Api.DEMO_PASSWORD);
		approver.go("/cases/approvals");
		assertThat(approver.horizontalOverflow()).isLessThanOrEqualTo(0);
		approver.fullScreenshot("cases-03-approvals-phone");
		approver.click("#cases tr td.cell-head a[href$='/cases/" + caseId(writer) + "']");
		new Select(approver.find("#approve-reach")).selectByValue("CITY");
		approver.fullScreenshot("cases-04-approve-phone");
		approver.click("#approve-form button");
		assertThat(approver.find("#case-state").getAttribute("data-state")).isEqualTo("PUBLISHED");
		assertThat(approver.text("#case-reach")).isEqualTo("全市");
		approver.fullScreenshot("cases-05-published-phone");

		// another district reads it in the library
		desk.signIn("nanan.admin", Api.DEMO_PASSWORD);
		desk.click("#nav-cases");
		desk.find("#case-search input[name=q]").sendKeys(title);
		desk.click("#case-search button");
		desk.click("#cases a");
		assertThat(desk.text("#case-title")).isEqualTo(title);
		assertThat(desk.horizontalOverflow()).isLessThanOrEqualTo(0);
		desk.fullScreenshot("cases-06-read-by-nanan-desktop");
		desk.go("/cases");
		desk.fullScreenshot("cases-07-library-desktop");
		desk.go("/mechanisms");
		desk.fullScreenshot("cases-08-mechanisms-desktop");
		approver.go("/mechanisms");
		assertThat(approver.horizontalOverflow()).isLessThanOrEqualTo(0);
		approver.fullScreenshot("cases-09-mechanisms-phone");
		approver.click("#mechanisms td.cell-head a");
		assertThat(approver.find("#mechanism-prompts")).isNotNull();
		assertThat(approver.horizontalOverflow()).isLessThanOrEqualTo(0);
		approver.fullScreenshot("cases-11-mechanism-phone");
		approver.go("/mechanisms/new?lang=en");
		assertThat(approver.horizontalOverflow()).isLessThanOrEqualTo(0);
		approver.fullScreenshot("cases-12-mechanism-form-phone-en");
		approver.go("/mechanisms?lang=zh_CN");
		approver.go("/cases");
		approver.fullScreenshot("cases-10-library-phone");
		assertThat(writer.consoleErrors()).isEmpty();
	}

	private static String caseId(Browser browser) {
		String url = browser.url();
		return url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", "");
	}

	/** A small real photo: a school gate drawn in a few strokes. */
	private static Path photo() throws Exception {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(235, 240, 245));
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(180, 30, 30));
		g.fillRect(40, 60, 20, 120);
		g.fillRect(260, 60, 20, 120);
		g.fillRect(40, 50, 240, 20);
		g.dispose();
		Path file = Files.createTempFile("gate", ".png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
