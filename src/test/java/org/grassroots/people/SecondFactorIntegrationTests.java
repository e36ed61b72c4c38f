package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.people.internal.OneTimeCodes;
import org.grassroots.support.Api;
import org.grassroots.support.FromAddress;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-step sign-in: a city administrator (a role that requires it) must enrol before anything
 * else, then signs in with a code on the pages and for a token; a wrong or replayed code is
 * refused and audited; recovery codes work once; a caseworker may turn it on and off; an
 * administrator resets a lost one, and another district's administrator cannot.
 */
@IntegrationTest
class SecondFactorIntegrationTests {

	static final String PASSWORD = "harbour-lantern-orchard-2fa";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OneTimeCodes codes;

	Api api;

	String cityAdmin;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		cityAdmin = api.token("system.admin");
	}

	@Test
	void aSystemAdministratorEnrolsFirstThenSignsInWithACodeOnThePagesAndForAToken() throws Exception {
		String username = open("SYSTEM_ADMIN", "500000");
		Api.Reply noToken = api.post(null, "/api/v1/auth/tokens", signIn(username, null));
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.text("code")).isEqualTo("people.error.enrol-second-factor-first");

		PageClient pages = new PageClient(port);
		pages.signIn(username, PASSWORD);
		assertRedirect(pages.get("/accounts"), "/account/second-factor");
		assertThat(pages.get("/account/second-factor").body()).contains("您的角色要求开启两步验证");
		String secret = enrol(pages);
		assertThat(pages.get("/accounts").statusCode()).as("enrolled: free to work").isEqualTo(200);

		PageClient next = new PageClient(port);
		assertThat(next.signIn(username, PASSWORD)).endsWith("/login/code");
		assertRedirect(next.get("/accounts"), "/login/code");
		var wrong = next.submit("/login/code", "/login/code", "code=" + notTheCode(secret));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("验证码不正确或已用过");
		String code = codes.code(secret, codes.step(Instant.now()) + 1);
		assertRedirect(next.submit("/login/code", "/login/code", "code=" + code), "/");
		assertThat(next.get("/accounts").statusCode()).isEqualTo(200);

		Api.Reply withoutCode = api.post(null, "/api/v1/auth/tokens", signIn(username, null));
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.text("code")).isEqualTo("people.error.code-needed");
		Api.Reply replayed = api.post(null, "/api/v1/auth/tokens", signIn(username, code));
		assertThat(replayed.status()).as("a code signs in once").isEqualTo(401);
		assertThat(replayed.text("code")).isEqualTo("people.error.wrong-code");
		assertThat(auditKinds(username)).contains("SECOND_FACTOR_ON", "SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED");
		assertThat(jdbc.sql("select totp_secret_cipher from account where username = :u").param("u", username)
			.query(String.class).single()).as("the secret is encrypted").doesNotContain(secret);
	}

	@Test
	void wrongCodesAreThrottledLikeWrongPasswords() throws Exception {
		String username = open("CASEWORKER", "500108002");
		PageClient pages = new PageClient(port);
		pages.signIn(username, PASSWORD);
		String secret = enrol(pages);
		FromAddress guesser = new FromAddress(FromAddress.unique(), port);
		for (int i = 0; i < 5; i++) {
			FromAddress.Reply wrong = guesser.postJson("/api/v1/auth/tokens", signIn(username, notTheCode(secret)));
			assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
		}

		FromAddress.Reply throttled = guesser.postJson("/api/v1/auth/tokens",
				signIn(username, codes.code(secret, codes.step(Instant.now()) + 1)));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'SIGN_IN_FAILED' and subject_id = :u")
			.param("u", username).query(Long.class).single()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void eachRecoveryCodeSignsInOnce() throws Exception {
		String username = open("CASEWORKER", "500108002");
		PageClient pages = new PageClient(port);
		pages.signIn(username, PASSWORD);
		assertThat(pages.get("/").statusCode()).as("optional for a caseworker").isEqualTo(200);
		assertThat(pages.get("/account/password").body()).contains("/account/second-factor");
		enrol(pages);
		List<String> recovery = lastRecoveryCodes;

		Api.Reply first = api.post(null, "/api/v1/auth/tokens", signIn(username, recovery.get(0).toUpperCase()));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(api.post(null, "/api/v1/auth/tokens", signIn(username, recovery.get(0))).status()).isEqualTo(401);
		assertThat(pages.get("/account/second-factor").body()).contains("还剩 9 个未用的恢复码")
			.as("the signed-in person's navigation").contains("修改密码");
	}

	@Test
	void aCaseworkerTurnsItOffWithACodeAndASecurityAuditorCannot() throws Exception {
		String caseworker = open("CASEWORKER", "500108002");
		PageClient pages = new PageClient(port);
		pages.signIn(caseworker, PASSWORD);
		String secret = enrol(pages);
		var off = pages.submit("/account/second-factor", "/account/second-factor/off",
				"code=" + codes.code(secret, codes.step(Instant.now()) + 1));
		assertRedirect(off, "/account/second-factor");
		assertThat(pages.get("/account/second-factor").body()).contains("两步验证已关闭").contains("开始设置");
		assertThat(auditKinds(caseworker)).contains("SECOND_FACTOR_OFF");

		String admin = open("SECURITY_AUDITOR", "500000");
		PageClient adminPages = new PageClient(port);
		adminPages.signIn(admin, PASSWORD);
		String adminSecret = enrol(adminPages);
		assertThat(adminPages.get("/account/second-factor").body()).doesNotContain("/account/second-factor/off");
		adminPages.submit("/account/password", "/account/second-factor/off",
				"code=" + codes.code(adminSecret, codes.step(Instant.now()) + 1));
		assertThat(adminPages.get("/account/second-factor").body()).contains("不能关闭");
		assertThat(jdbc.sql("select totp_secret_cipher is not null from account where username = :u").param("u", admin)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void theSecurityAdministratorResetsALostOneAndNoOtherAdministratorCan() throws Exception {
		String username = open("CASEWORKER", "500108002");
		PageClient pages = new PageClient(port);
		pages.signIn(username, PASSWORD);
		enrol(pages);
		long id = api.get(cityAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();
		int version = api.get(cityAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("version").asInt();
		assertThat(api.get(cityAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("secondFactor").asBoolean()).isTrue();

		// another district's security administrator (enrolled, as the role requires) does not see the account
		String yuzhong = openScoped("SECURITY_ADMIN", "UNIT_AND_BELOW", "500103");
		PageClient yuzhongPages = new PageClient(port);
		yuzhongPages.signIn(yuzhong, PASSWORD);
		String yuzhongSecret = enrol(yuzhongPages);
		String yuzhongToken = api.post(null, "/api/v1/auth/tokens",
				signIn(yuzhong, codes.code(yuzhongSecret, codes.step(Instant.now()) + 1))).text("token");
		String resetPath = "/api/v1/accounts/" + id + "/reset-second-factor";
		assertThat(api.post(yuzhongToken, resetPath, Api.json("version", version)).status()).isEqualTo(404);
		// the system administrator sees it, but resetting a second factor is the security administrator's
		Api.Reply wrongDuty = api.post(api.token("nanan.sysadmin"), resetPath, Api.json("version", version));
		assertThat(wrongDuty.status()).isEqualTo(403);
		assertThat(wrongDuty.text("code")).isEqualTo("people.error.security-admin-only");
		assertThat(api.post(api.token("nanan.admin"), resetPath, Api.json("version", version)).status()).isEqualTo(403);

		PageClient admin = new PageClient(port);
		admin.signIn("nanan.secadmin", Api.DEMO_PASSWORD);
		assertThat(admin.get("/accounts?q=" + username).body()).contains("重置两步验证");
		var reset = admin.submit("/accounts?q=" + username, "/accounts/" + id + "/reset-second-factor", "version=" + version);
		assertRedirect(reset, "/accounts");
		assertThat(admin.get("/accounts?q=" + username).body()).contains("已重置 " + username + " 的两步验证");
		assertThat(auditKinds(username)).contains("SECOND_FACTOR_RESET");
		assertRedirect(pages.get("/"), "/login");
		assertThat(new PageClient(port).signIn(username, PASSWORD)).as("no code asked any more").endsWith("/");
	}

	private List<String> lastRecoveryCodes = List.of();

	/** Enrols through the pages as an authenticator app would; answers the secret and keeps the recovery codes. */
	private String enrol(PageClient pages) throws Exception {
		var begun = pages.submit("/account/second-factor", "/account/second-factor/begin", "x=1");
		assertThat(begun.statusCode()).isEqualTo(200);
		assertThat(begun.body()).contains("data:image/png;base64,");
		Matcher shown = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(begun.body());
		assertThat(shown.find()).isTrue();
		String secret = shown.group(1).replace(" ", "");
		var wrong = pages.submit("/account/second-factor", "/account/second-factor/confirm", "code=" + notTheCode(secret));
		assertThat(wrong.body()).contains("验证码不正确").contains(shown.group(1));
		var confirmed = pages.submit("/account/second-factor", "/account/second-factor/confirm",
				"code=" + codes.code(secret, codes.step(Instant.now())));
		assertThat(confirmed.body()).contains("两步验证已开启");
		Matcher recovery = Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>").matcher(confirmed.body());
		List<String> found = new java.util.ArrayList<>();
		while (recovery.find()) {
			found.add(recovery.group(1));
		}
		assertThat(found).hasSize(10).doesNotHaveDuplicates();
		lastRecoveryCodes = found;
		return secret;
	}

	/** Six digits that are not the code of now or of a step either side. */
	private String notTheCode(String secret) {
		long now = codes.step(Instant.now());
		List<String> valid = List.of(codes.code(secret, now - 1), codes.code(secret, now), codes.code(secret, now + 1),
				codes.code(secret, now + 2));
		for (int i = 0;; i++) {
			String candidate = String.format("%06d", i);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	private String openScoped(String role, String scope, String unitCode) {
		String username = "tf" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "Two step",
				"unitCode", unitCode, "roles", List.of(Map.of("role", role, "scope", scope)), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private String open(String role, String unitCode) {
		String username = "tf" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "Two step",
				"unitCode", unitCode, "roles", List.of(Map.of("role", role)), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private static String signIn(String username, String code) {
		return code == null ? Api.json("username", username, "password", PASSWORD)
				: Api.json("username", username, "password", PASSWORD, "code", code);
	}

	private static void assertRedirect(HttpResponse<String> response, String target) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(target);
	}

	private List<String> auditKinds(String username) {
		return jdbc.sql("select kind from audit_record where subject_id = :u").param("u", username).query(String.class).list();
	}

}
