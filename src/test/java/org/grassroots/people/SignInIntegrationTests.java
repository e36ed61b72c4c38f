package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.grassroots.people.internal.TokenTouches;
import org.grassroots.support.Api;
import tools.jackson.databind.JsonNode;
import org.grassroots.support.FromAddress;
import org.grassroots.support.PageClient;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

	@Autowired
	TokenTouches touches;

	Api api;

	/** The system administrator, who reads and disables accounts. */
	String systemAdmin;

	String securityAdmin;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		systemAdmin = api.token("system.admin");
		securityAdmin = api.token("security.admin");
	}

	@Test
	void aStrangersWrongPasswordsAreThrottledButNeverStopTheAccountsTokensSessionsOrOtherAddresses() throws Exception {
		String username = newAccount();
		String token = api.token(username, PASSWORD);
		PageClient session = new PageClient(port);
		assertThat(session.signIn(username, PASSWORD)).endsWith("/");
		FromAddress stranger = new FromAddress(FromAddress.unique(), port);
		for (int i = 0; i < 5; i++) {
			assertThat(stranger.postJson("/api/v1/auth/tokens", signIn(username, "wrong-" + i)).status()).isEqualTo(401);
		}

		FromAddress.Reply throttled = stranger.postJson("/api/v1/auth/tokens", signIn(username, PASSWORD));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(session.get("/").statusCode()).isEqualTo(200);
		assertThat(new FromAddress(FromAddress.unique(), port).postJson("/api/v1/auth/tokens", signIn(username, PASSWORD))
			.status()).isEqualTo(201);
		assertThat(auditKinds(username)).contains("SIGN_IN_FAILED").doesNotContain("ACCOUNT_LOCKED");
	}

	@Test
	void oneAddressGuessingManyUsernamesIsThrottled() {
		FromAddress guesser = new FromAddress(FromAddress.unique(), port);
		int answered = 0;
		// 30 a minute, refilled as they go (one every two seconds): the guesses take a few seconds and
		// win back a few. The first answer that is not 401 is the throttle's; a request after it could
		// meet a token just refilled, so the test looks at that answer itself.
		FromAddress.Reply last;
		while ((last = guesser.postJson("/api/v1/auth/tokens", signIn("nobody" + Api.uniqueCode(""), "wrong")))
			.status() == 401 && answered < 45) {
			answered++;
		}
		assertThat(answered).isBetween(30, 44);
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Retry-After")).isNotBlank();
		assertThat(api.token("city.admin")).as("other addresses sign in as before").startsWith("grt_");
	}

	@Test
	void guessesFromEverywhereLockTheSignInOnlyAndAnAdministratorSeesAndLiftsIt() {
		String username = newAccount();
		String token = api.token(username, PASSWORD);
		// per-account-per-hour is 12 in the tests: three addresses of five guesses each exceed it
		for (int a = 0; a < 3; a++) {
			FromAddress guesser = new FromAddress(FromAddress.unique(), port);
			for (int i = 0; i < 5; i++) {
				guesser.postJson("/api/v1/auth/tokens", signIn(username, "wrong-" + a + i));
			}
		}
		assertThat(auditKinds(username)).contains("ACCOUNT_LOCKED");
		long id = accountId(username);
		Api.Reply seen = api.get(systemAdmin, "/api/v1/accounts/" + id);
		assertThat(seen.text("lockedUntil")).isNotBlank();
		// another node knows only the database's lock: the right password answers like a wrong one
		Api.Reply locked = new Api(port).post(null, "/api/v1/auth/tokens", signIn(username, PASSWORD));
		assertThat(List.of(401, 429)).contains(locked.status());
		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(200);

		assertThat(api.post(securityAdmin, "/api/v1/accounts/" + id + "/unlock", "{\"version\":" + seen.json().path("version").asInt() + "}")
			.status()).isEqualTo(200);

		assertThat(api.post(null, "/api/v1/auth/tokens", signIn(username, PASSWORD)).status()).isEqualTo(201);
	}

	@Test
	void unknownLockedDisabledAndWrongAnswerAlike() throws Exception {
		String locked = newAccount();
		jdbc.sql("update account set locked_until = :until where username = :u")
			.param("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10))
			.param("u", locked)
			.update();
		String disabled = newAccount();
		jdbc.sql("update account set enabled = false where username = :u").param("u", disabled).update();
		Api.Reply wrong = api.post(null, "/api/v1/auth/tokens", signIn(newAccount(), "wrong-password"));
		Api.Reply unknown = api.post(null, "/api/v1/auth/tokens", signIn("nobody" + Api.uniqueCode(""), PASSWORD));
		Api.Reply lockedRight = api.post(null, "/api/v1/auth/tokens", signIn(locked, PASSWORD));
		Api.Reply disabledRight = api.post(null, "/api/v1/auth/tokens", signIn(disabled, PASSWORD));
		for (Api.Reply reply : List.of(unknown, lockedRight, disabledRight)) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json().path("detail")).isEqualTo(wrong.json().path("detail"));
			assertThat(reply.json().path("code")).isEqualTo(wrong.json().path("code"));
		}
		PageClient form = new PageClient(port);
		assertThat(form.postWithoutCsrf(locked, PASSWORD)).isEqualTo(403);
		for (String username : List.of(locked, disabled, "nobody" + Api.uniqueCode(""))) {
			assertThat(form.signIn(username, PASSWORD)).endsWith("/login?error");
		}
		assertThat(form.signIn(newAccount(), "wrong-password")).endsWith("/login?error");
	}

	@Test
	void changingOnesPasswordEndsTheOtherSessionsAndRevokesTheTokens() throws Exception {
		String username = newAccount();
		String token = api.token(username, PASSWORD);
		PageClient here = new PageClient(port);
		PageClient elsewhere = new PageClient(port);
		assertThat(here.signIn(username, PASSWORD)).endsWith("/");
		assertThat(elsewhere.signIn(username, PASSWORD)).endsWith("/");

		var changed = here.submit("/account/password", "/account/password",
				"current=" + PASSWORD + "&next=another-long-passphrase-7&repeat=another-long-passphrase-7");

		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?changed");
		var after = elsewhere.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(api.token(username, "another-long-passphrase-7")).startsWith("grt_");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaa", "password1234", "123456789012", "qwertyuiop12", "1qaz2wsx3edc",
			"woaini1314520", "Woaini5201314", "chongqing123456" })
	void commonAndTrivialPasswordsAreRefused(String password) {
		Api.Reply refused = api.openAccount(Api.json("username", "weak" + Api.uniqueCode("").toLowerCase(),
				"displayName", "Weak", "unitCode", "500108002", "roles", List.of(Map.of("role", "CASEWORKER")), "password",
				password));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("people.error.guessable-password");
	}

	@Test
	void aTrivialNewPasswordIsRefusedOnThePageInTheUsersLanguage() throws Exception {
		assertANewPasswordIsRefusedOnThePage("aaaaaaaaaaaa", "太常见或太容易猜到");
	}

	@Test
	void theCurrentPasswordIsRefusedAsTheNewOne() throws Exception {
		assertANewPasswordIsRefusedOnThePage(PASSWORD, "新密码不能与当前密码相同");
	}

	@Test
	void noneOfTheLastFivePasswordsCanBeChosenAgain() throws Exception {
		String username = newAccount();
		String current = PASSWORD;
		for (int i = 2; i <= 3; i++) {
			current = changePassword(username, current, chosen(i));
		}
		for (String recent : List.of(PASSWORD, chosen(2))) {
			var refused = new PageClient(port);
			refused.signIn(username, current);
			var answer = refused.submit("/account/password", "/account/password",
					"current=" + current + "&next=" + recent + "&repeat=" + recent);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("新密码不能与最近 5 次设置过的密码相同");
		}
		for (int i = 4; i <= 6; i++) {
			current = changePassword(username, current, chosen(i));
		}

		// the first password is now the sixth last: allowed again
		changePassword(username, current, PASSWORD);
		assertThat(api.token(username, PASSWORD)).startsWith("grt_");
		List<String> kept = jdbc.sql("""
				select h.password_hash from password_history h join account a on a.id = h.account_id where a.username = :u
				""").param("u", username).query(String.class).list();
		assertThat(kept).hasSize(5).noneMatch(hash -> hash.contains(PASSWORD) || hash.contains("harbour"));
	}

	@Test
	void anExpiredPasswordMustBeChangedBeforeAnythingElseOnThePagesAndTheApi() throws Exception {
		String username = newAccount();
		jdbc.sql("update account set password_set_at = :old where username = :u")
			.param("old", OffsetDateTime.now(ZoneOffset.UTC).minusDays(400)).param("u", username).update();

		PageClient pages = new PageClient(port);
		assertThat(pages.signIn(username, PASSWORD)).endsWith("/");
		var sent = pages.get("/learning");
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
		assertThat(pages.get("/account/password").body()).contains("您的密码已超过有效期");
		Api.Reply refused = api.post(null, "/api/v1/auth/tokens", signIn(username, PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("code")).isEqualTo("people.error.change-password-first");

		changePassword(username, PASSWORD, chosen(2));
		assertThat(api.token(username, chosen(2))).startsWith("grt_");
	}

	private static String chosen(int n) {
		return "harbour-lantern-orchard-" + n;
	}

	/** Signs in afresh and changes the password on the page; answers the new one. */
	private String changePassword(String username, String current, String next) throws Exception {
		PageClient here = new PageClient(port);
		here.signIn(username, current);
		var changed = here.submit("/account/password", "/account/password",
				"current=" + current + "&next=" + next + "&repeat=" + next);
		assertThat(changed.headers().firstValue("Location")).as(changed.body()).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?changed"));
		return next;
	}

	/** A new account changes its password to {@code next} on the page: refused with the message, the old one still works. */
	private void assertANewPasswordIsRefusedOnThePage(String next, String message) throws Exception {
		String username = newAccount();
		PageClient here = new PageClient(port);
		here.signIn(username, PASSWORD);
		var refused = here.submit("/account/password", "/account/password",
				"current=" + PASSWORD + "&next=" + next + "&repeat=" + next);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains(message);
		assertThat(api.token(username, PASSWORD)).startsWith("grt_");
	}

	@Test
	void theSignInPageLetsTheRightPasswordIn() throws Exception {
		PageClient form = new PageClient(port);
		// a unit administrator leads: the dashboard first, the home page still one click away
		assertThat(form.signIn("nanan.admin", Api.DEMO_PASSWORD)).endsWith("/dashboard");
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
		JsonNode account = api.get(systemAdmin, "/api/v1/accounts?q=" + username).json().get(0);

		assertThat(api.post(systemAdmin, "/api/v1/accounts/" + account.path("id").asLong() + "/disable",
				Api.json("version", account.path("version").asInt())).status()).isEqualTo(200);

		assertThat(api.get(token, "/api/v1/auth/me").status()).isEqualTo(401);
	}

	@Test
	void disablingAnAccountEndsItsPageSessionAtOnce() throws Exception {
		String username = newAccount();
		PageClient pages = new PageClient(port);
		assertThat(pages.signIn(username, PASSWORD)).endsWith("/");
		assertThat(pages.get("/").statusCode()).isEqualTo(200);
		JsonNode account = api.get(systemAdmin, "/api/v1/accounts?q=" + username).json().get(0);

		assertThat(api.post(systemAdmin, "/api/v1/accounts/" + account.path("id").asLong() + "/disable",
				Api.json("version", account.path("version").asInt())).status()).isEqualTo(200);

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
	void aTokensLastUseIsWrittenInTheNextBatch() {
		String username = newAccount();
		String used = api.token(username, PASSWORD);
		api.token(username, PASSWORD);
		touches.flush();
		long before = usedTokens(username);

		assertThat(api.get(used, "/api/v1/auth/me").status()).isEqualTo(200);
		touches.flush();

		// the first token was used just now; the second never
		assertThat(before).isZero();
		assertThat(usedTokens(username)).isOne();
		assertThat(jdbc.sql("select count(*) from access_token where account_id = :id and last_used_at > :since")
			.param("id", accountId(username)).param("since", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.query(Long.class).single()).isOne();
	}

	private long usedTokens(String username) {
		return jdbc.sql("select count(*) from access_token where account_id = :id and last_used_at is not null")
			.param("id", accountId(username)).query(Long.class).single();
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
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "OTP",
				"unitCode", "500108", "roles", List.of(Map.of("role", "CASEWORKER"))));
		String oneTime = opened.json().path("oneTimePassword").asString();
		assertThat(oneTime).hasSize(16);
		assertThat(api.post(null, "/api/v1/auth/tokens", Api.json("username", username, "password", oneTime)).status()).isEqualTo(403);
	}

	private String newAccount() {
		String username = "lock" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "Lock test",
				"unitCode", "500108002", "roles", List.of(Map.of("role", "CASEWORKER")), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private long accountId(String username) {
		return api.get(systemAdmin, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();
	}

	private static String signIn(String username, String password) {
		return Api.json("username", username, "password", password);
	}

	private List<String> auditKinds(String username) {
		return jdbc.sql("select kind from audit_record where subject_id = :u").param("u", username).query(String.class).list();
	}

}
