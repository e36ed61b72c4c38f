package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Accounts, learning plans and unit pages name units; materialized paths and scope codes stay out of sight. */
@IntegrationTest
class UnitNamesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theAccountsPageNamesEachUnitAndTheUnitsASteeringGroupCovers() throws Exception {
		PageClient city = signedIn("security.admin");
		String accounts = city.get("/accounts?q=steering").body();
		assertThat(accounts).doesNotContain("/500000/").doesNotContain("[500");
		String row = row(accounts, "steering.group");
		assertThat(text(row)).contains("巡回指导组：").contains("南岸区").contains("渝中区").doesNotContain("500108")
			.doesNotContain("500103");

		String nanan = city.get("/accounts?q=nanan.admin").body();
		assertThat(text(row(nanan, "nanan.admin"))).contains("南岸区");
		assertThat(nanan).doesNotContain("/500000/");

		String english = city.get("/accounts?q=steering&lang=en").body();
		assertThat(text(row(english, "steering.group"))).contains(": ").doesNotContain("[500");
	}

	@Test
	void learningPlansAndUnitPagesNameUnitsInsteadOfPaths() throws Exception {
		PageClient office = signedIn("nanan.admin");
		String plans = office.get("/learning").body();
		assertThat(plans).doesNotContain("/500000/").contains("id=\"plans\"");
		String unit = office.get("/units").body();
		assertThat(unit).doesNotContain("/500000/");
		String nanan = office.get(unitLink(unit, "500108")).body();
		assertThat(nanan).doesNotContain("/500000/").contains("id=\"unit-name\"");
	}

	@Test
	void anotherDistrictAndACaseworkerAreRefused() throws Exception {
		PageClient office = signedIn("nanan.admin");
		String nananLink = unitLink(office.get("/units").body(), "500108");
		PageClient yuzhong = signedIn("yuzhong.admin");
		assertThat(yuzhong.get(nananLink).statusCode()).isEqualTo(404);
		assertThat(yuzhong.get("/accounts?q=nanan").statusCode()).isEqualTo(403);
		assertThat(signedIn("nanan.sysadmin").get("/accounts?q=yuzhong").body()).doesNotContain("yuzhong.admin");
		assertThat(signedIn("jiefangbei.worker").get("/accounts").statusCode()).isEqualTo(403);
	}

	/** The link to a unit's page from a page that lists it by code. */
	private static String unitLink(String page, String code) {
		int at = page.indexOf("data-unit=\"" + code + "\"");
		if (at < 0) {
			return "/units/" + code;
		}
		int href = page.lastIndexOf("href=\"", at);
		return page.substring(href + 6, page.indexOf('"', href + 6));
	}

	private static String row(String page, String username) {
		// the cell may carry its column's label for the phone's cards
		int at = page.indexOf(">" + username + "</td>");
		assertThat(at).as(username + " listed").isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static String text(String html) {
		return html.replaceAll("(?s)<[^>]+>", "").replaceAll("\\s+", " ");
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
