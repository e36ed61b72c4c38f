package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role gets the navigation and home page of what it does: residents report and follow,
 * members study and check in, staff work, visitors who are not signed in report, track and read
 * the ledgers; the API's documentation only for administrators. And the language switch works
 * before anyone signs in.
 */
@IntegrationTest
class NavigationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorWhoIsNotSignedInIsOfferedReportTrackLedgerAndSignIn() throws Exception {
		HttpResponse<String> home = new PageClient(port).get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(navIds(home.body())).contains("nav-report", "nav-track", "nav-ledger", "nav-login")
			.doesNotContain("nav-api", "nav-learn", "nav-my-reports", "nav-problems");
		assertThat(home.body()).contains("id=\"welcome-report\"").contains("id=\"welcome-ledger\"");
	}

	@Test
	void aResidentIsLedToReportingAndTheirOwnReports() throws Exception {
		String home = signedIn("resident.wang").get("/").body();
		assertThat(navIds(home)).contains("nav-report", "nav-my-reports", "nav-track", "nav-ledger")
			.doesNotContain("nav-api", "nav-learn", "nav-check-in", "nav-problems", "nav-login");
		assertThat(home).contains("id=\"home-report\"").contains("id=\"home-my-reports\"").contains("id=\"home-ledger\"")
			.doesNotContain("陆续上线").doesNotContain("接口文档").doesNotContain("500108002001");
	}

	@Test
	void aPartyMemberIsLedToLearningAndCheckIn() throws Exception {
		String home = signedIn("member.li").get("/").body();
		assertThat(navIds(home)).contains("nav-learn", "nav-check-in")
			.doesNotContain("nav-api", "nav-report", "nav-my-reports", "nav-problems", "nav-plans");
		assertThat(home).contains("id=\"home-learn\"").contains("id=\"home-check-in\"").doesNotContain("陆续上线");
		assertThat(signedIn("member.li").get("/learn").body()).contains("id=\"near-points\"").contains("id=\"check-in-hint\"");
	}

	@Test
	void staffKeepTheirWorkAndOnlyAdministratorsSeeTheApiDocumentation() throws Exception {
		String worker = signedIn("huayuanlu.worker").get("/").body();
		assertThat(navIds(worker)).contains("nav-problems", "nav-search", "nav-learning", "nav-units")
			.doesNotContain("nav-api", "nav-my-reports", "nav-check-in", "nav-login", "nav-plans");
		assertThat(worker).contains("id=\"home-staff\"").contains("id=\"home-roots\"");
		String admin = signedIn("nanan.admin").get("/").body();
		assertThat(navIds(admin)).contains("nav-problems", "nav-api", "nav-dashboard", "nav-plans").doesNotContain("nav-my-reports");
		String cadre = signedIn("nanan.cadre").get("/").body();
		assertThat(navIds(cadre)).contains("nav-plans", "nav-visit-new", "nav-my-visits", "nav-cases", "nav-mechanisms");
		// and the home page leads to the same work: a cadre logs visits, an office plans
		assertThat(cadre).contains("id=\"home-visit-new\"").contains("id=\"home-plans\"");
		assertThat(admin).contains("id=\"home-plans\"").doesNotContain("id=\"home-visit-new\"");
		assertThat(worker).doesNotContain("id=\"home-plans\"").doesNotContain("id=\"home-visit-new\"");
		assertThat(navIds(signedIn("city.admin").get("/").body())).contains("nav-api", "nav-open311");
	}

	@Test
	void oneThingWorkIsOfferedToThoseWhoDoIt() throws Exception {
		// a department officer works its queue; the elevator votes are the community offices' work
		assertThat(navIds(signedIn("nanan.health").get("/").body())).contains("nav-lifeevents-office")
			.doesNotContain("nav-consents", "nav-lifeevents");
		assertThat(navIds(signedIn("huayuanlu.worker").get("/").body())).contains("nav-consents", "nav-lifeevents-office");
		// residents apply and follow their applications; the city office keeps the catalogue and calendar
		assertThat(navIds(signedIn("resident.wang").get("/").body())).contains("nav-lifeevents")
			.doesNotContain("nav-lifeevents-office", "nav-consents");
		assertThat(navIds(signedIn("city.admin").get("/").body())).contains("nav-le-catalogue", "nav-le-calendar");
	}

	@Test
	void theLanguageSwitchWorksBeforeSigningIn() throws Exception {
		PageClient visitor = new PageClient(port);
		HttpResponse<String> english = visitor.get("/?lang=en");
		assertThat(english.body()).contains("lang=\"en\"").contains("Report a problem").contains("Public ledger")
			.doesNotContain("我要反映");
		// remembered in the cookie, also on the sign-in page a protected page sends the visitor to
		assertThat(visitor.get("/").body()).contains("Report a problem");
		PageClient another = new PageClient(port);
		HttpResponse<String> redirected = another.get("/learn?lang=en");
		assertThat(redirected.statusCode()).isEqualTo(302);
		assertThat(another.get("/login").body()).contains("Sign in").doesNotContain("登录");
		// and back
		assertThat(visitor.get("/?lang=zh_CN").body()).contains("我要反映");
	}

	@Test
	void theSignInPageReachedFromACheckInCodeSaysWhereTheMemberChecksIn() throws Exception {
		// given a point's code, scanned by a member who is not signed in
		Api api = new Api(port);
		String admin = api.token("nanan.admin");
		long point = jdbc.sql("select min(id) from learning_point where name = '南湖社区学习打卡点'").query(Long.class).single();
		String url = api.get(admin, "/api/v1/learning/points/" + point + "/qr").text("url");
		URI scanned = URI.create(url);
		PageClient phone = new PageClient(port);

		// when the scan sends the member to sign in
		HttpResponse<String> scan = phone.get(scanned.getRawPath() + "?" + scanned.getRawQuery());
		assertThat(scan.statusCode()).isEqualTo(302);
		assertThat(scan.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		// then the sign-in page says why, naming the point
		String login = phone.get("/login").body();
		assertThat(login).contains("id=\"login-reason\"").contains("南湖社区学习打卡点");
		// and after signing in the member is back at the point's check-in
		assertThat(phone.signIn("member.li", Api.DEMO_PASSWORD)).contains("/learn/points/" + point + "/check-in");

		// a forged code names nothing
		PageClient forger = new PageClient(port);
		forger.get("/learn/points/" + point + "/check-in?k=1&s=forged");
		assertThat(forger.get("/login").body()).contains("id=\"login-reason\"").doesNotContain("南湖社区学习打卡点");
		// and a plain visit to the sign-in page has no reason
		assertThat(new PageClient(port).get("/login").body()).doesNotContain("id=\"login-reason\"");
	}

	private static List<String> navIds(String page) {
		String nav = page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
		return java.util.regex.Pattern.compile("id=\"(nav-[a-z0-9-]+)\"").matcher(nav).results().map(m -> m.group(1)).toList();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
