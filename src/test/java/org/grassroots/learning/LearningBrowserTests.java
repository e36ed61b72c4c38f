package org.grassroots.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

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
 * member.li scans two points' codes on a phone and sees the progress; nanan.admin sees the
 * coverage of the community rise and exports it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser phone;

	Browser office;

	@BeforeAll
	void openBrowsers() throws Exception {
		phone = Browser.open(port, "390,844");
		office = Browser.open(port, "1280,900");
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
	void aMemberChecksInOnAPhoneAndTheOfficeSeesCoverageRise() throws Exception {
		// a plan for member.li's community that two more check-ins this month will meet
		Api api = new Api(port);
		String admin = api.token("nanan.admin");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int done = jdbc.sql("""
				select count(*) from check_in c join learning_member m on m.account_id = c.account_id
				where m.username = 'member.li' and c.check_day between :from and :to
				""").param("from", today.withDayOfMonth(1)).param("to", today.withDayOfMonth(today.lengthOfMonth()))
			.query(Integer.class).single();
		long community = api.get(admin, "/api/v1/units/by-code/500108002001").json().path("id").asLong();
		long plan = api.post(admin, "/api/v1/learning/plans", Api.json("title", Api.uniqueCode("两次打卡 "), "unitId", community,
				"periodStart", today.withDayOfMonth(1).toString(), "periodEnd",
				today.withDayOfMonth(today.lengthOfMonth()).toString(), "requiredCount", done + 2)).json().path("id").asLong();
		String[] links = new String[2];
		for (int i = 0; i < 2; i++) {
			long point = api.post(admin, "/api/v1/learning/points", Api.json("name", "学习打卡点 " + i, "kind", "CHECK_IN_POINT",
					"unitId", community, "restricted", true)).json().path("id").asLong();
			links[i] = api.get(admin, "/api/v1/learning/points/" + point + "/qr").text("url")
				.replace("http://localhost:" + port, "");
		}

		// the office looks at the coverage first
		office.signIn("nanan.admin", Api.DEMO_PASSWORD);
		office.go("/learning/plans/" + plan);
		String before = office.text("#coverage-total");
		office.screenshot("learning-01-coverage-before");

		// member.li signs in on a phone and scans both codes; a second scan of the first changes nothing
		phone.signIn("member.li", Api.DEMO_PASSWORD);
		phone.go(links[0]);
		assertThat(phone.text("#place")).isEqualTo("学习打卡点 0");
		phone.screenshot("learning-02-scanned");
		phone.click("#check-in");
		assertThat(phone.find("#checked-in").getAttribute("data-already")).isEqualTo("false");
		phone.go(links[0]);
		phone.click("#check-in");
		assertThat(phone.find("#checked-in").getAttribute("data-already")).isEqualTo("true");
		phone.go(links[1]);
		phone.click("#check-in");
		assertThat(phone.text("[data-plan='" + plan + "'] .progress-count")).isEqualTo((done + 2) + " / " + (done + 2));
		phone.screenshot("learning-03-checked-in");
		phone.click("#my-learning");
		assertThat(phone.find("[data-plan='" + plan + "'] .badge").getText()).isEqualTo((done + 2) + " / " + (done + 2));
		phone.screenshot("learning-04-progress");

		// the office sees the coverage rise, and the export link serves the workbook
		office.go("/learning/plans/" + plan);
		String after = office.text("#coverage-total");
		assertThat(Double.parseDouble(after.replace("%", ""))).isGreaterThan(Double.parseDouble(before.replace("%", "")));
		assertThat(office.text("#behind")).doesNotContain("李党员");
		office.screenshot("learning-05-coverage-after");
		String export = office.find("#export-coverage").getAttribute("href").replace("http://localhost:" + port, "");
		assertThat(export).startsWith("/learning/plans/" + plan + "/coverage.xlsx");
		Api.Download xlsx = api.download(admin, "/api/v1/learning/plans/" + plan + "/coverage.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.bytes().length).isGreaterThan(1000);
	}

}
