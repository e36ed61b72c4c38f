package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;
import org.grassroots.support.PageClient;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SignInIntegrationTests {

	static final String PASSWORD = "a-long-enough-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String cityAdmin;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		cityAdmin = api.token("city.admin");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
		String username = newAccount();
		for (int i = 0; i < 5; i++) {
			assertThat(api.post(null, "/api/v1/auth/tokens", Api.json("username", username, "password", "wrong-" + i)).status()).isEqualTo(401);
		}

		Api.Reply locked = api.post(null, "/api/v1/auth/tokens", Api.json("username", username, "password", PASSWORD));

		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.text("detail")).contains("locked");
		assertThat(auditKinds(username)).contains("ACCOUNT_LOCKED", "SIGN_IN_FAILED");

		// fifteen minutes later
		jdbc.sql("update account set locked_until = :past where username = :u")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.param("u", username)
			.update();
		assertThat(api.post(null, "/api/v1/auth/tokens", Api.json("username", username, "password", PASSWORD)).status()).isEqualTo(201);
	}

	@Test
	void theSignInPageLocksTheSameWayAndNeedsItsCsrfToken() throws Exception {
		String username = newAccount();
		PageClient form = new PageClient(port);
		assertThat(form.postWithoutCsrf(username, PASSWORD)).isEqualTo(403);
		for (int i = 0; i < 5; i++) {
			assertThat(form.signIn(username, "wrong-" + i)).endsWith("/login?error");
		}
		assertThat(form.signIn(username, PASSWORD)).endsWith("/login?locked");
	}

	@Test
	void theSignInPageLetsTheRightPasswordIn() throws Exception {
		PageClient form = new PageClient(port);
		assertThat(form.signIn("nanan.admin", Api.DEMO_PASSWORD)).endsWith("/");
		HttpResponse<String> home = form.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("南岸区").contains("单位管理员");
	}

	@Test
	void disablingAnAccountStopsItsRecentlyUsedTokenAtOnce() {
		String username = newAccount();
		String token = api.token(username, PASSWORD);
		// used once, so the person behind the token is held in the token cache
		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(200);
		long id = api.get(cityAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();

		assertThat(api.post(cityAdmin, "/api/v1/accounts/" + id + "/disable", "{\"version\":0}").status()).isEqualTo(200);

		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(401);
	}

	@Test
	void disablingAnAccountEndsItsPageSessionAtOnce() throws Exception {
		String username = newAccount();
		PageClient pages = new PageClient(port);
		assertThat(pages.signIn(username, PASSWORD)).endsWith("/");
		assertThat(pages.get("/").statusCode()).isEqualTo(200);
		long id = api.get(cityAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();

		assertThat(api.post(cityAdmin, "/api/v1/accounts/" + id + "/disable", "{\"version\":0}").status()).isEqualTo(200);

		var after = pages.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		String token = api.token("huayuanlu.worker");
		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(200);
		Api.Reply listed = api.get(token, "/api/v1/auth/tokens");
		long id = listed.json().get(0).path("id").asLong();
		assertThat(listed.body()).doesNotContain(token);

		assertThat(api.delete(token, "/api/v1/auth/tokens/" + id).status()).isEqualTo(204);

		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(api.get(token, "/api/v1/units").status()).isEqualTo(401);
	}

	@Test
	void aTokenCannotBeRevokedByAnotherPerson() {
		String mine = api.token("nanan.cadre");
		long id = api.get(mine, "/api/v1/auth/tokens").json().get(0).path("id").asLong();
		assertThat(api.delete(api.token("yuzhong.admin"), "/api/v1/auth/tokens/" + id).status()).isEqualTo(404);
		assertThat(api.get(mine, "/api/v1/auth/me").status()).isEqualTo(200);
	}

	@Test
	void noTokenOrAForgedTokenAnswers401WithAProblemDetail() {
		Api.Reply none = api.get(null, "/api/v1/units");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.json().path("status").asInt()).isEqualTo(401);
		assertThat(api.get("grt_forged", "/api/v1/units").status()).isEqualTo(401);
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		String token = api.token("nanan.cadre");
		assertThat(jdbc.sql("select count(*) from access_token where token_hash = :t").param("t", token).query(Long.class).single()).isZero();
	}

	@Test
	void aOneTimePasswordMustBeChangedBeforeAnyToken() {
		String username = "otp" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.post(cityAdmin, "/api/v1/accounts", Api.json("username", username, "displayName", "OTP",
				"unitCode", "500108", "roles", List.of(Map.of("role", "CASEWORKER"))));
		String oneTime = opened.json().path("oneTimePassword").asString();
		assertThat(oneTime).hasSize(16);
		assertThat(api.post(null, "/api/v1/auth/tokens", Api.json("username", username, "password", oneTime)).status()).isEqualTo(403);
	}

	private String newAccount() {
		String username = "lock" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.post(cityAdmin, "/api/v1/accounts", Api.json("username", username, "displayName", "Lock test",
				"unitCode", "500108002", "roles", List.of(Map.of("role", "CASEWORKER")), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private List<String> auditKinds(String username) {
		return jdbc.sql("select kind from audit_record where subject_id = :u").param("u", username).query(String.class).list();
	}

}
