package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.grassroots.people.internal.SessionCleanup;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Page sessions live in the database (Spring Session JDBC), so that any node can serve them, and
 * behave as before: a new session id at sign-in, the cookie's flags, the idle timeout, sign-out.
 */
@IntegrationTest
class SessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionCleanup cleanup;

	@Test
	void aSignedInSessionIsARowInTheDatabaseWithANewIdAndEndsWithSignOut() throws Exception {
		PageClient pages = new PageClient(port);
		String before = sessionCookie(pages.get("/login"));
		HttpResponse<String> signIn = pages.post("/login", "username=nanan.admin&password="
				+ PageClient.encode(Api.DEMO_PASSWORD) + "&_csrf=" + pages.csrf("/login"));
		assertThat(signIn.statusCode()).isEqualTo(302);
		String cookie = sessionCookie(signIn);
		assertThat(cookie).as("session fixation: a new id at sign-in").isNotEqualTo(before)
			.contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		String id = sessionId(cookie);
		assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("nanan.admin");
		assertThat(jdbc.sql("""
				select a.attribute_name from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = :id
				""").param("id", id).query(String.class).list()).contains("SPRING_SECURITY_CONTEXT", "grassroots.signedInAt");
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = :id").param("id", id)
			.query(Integer.class).single()).as("the idle timeout as before: 30 minutes").isEqualTo(1800);
		assertThat(rows(sessionId(before))).as("the session before sign-in is gone").isZero();

		assertThat(pages.get("/problems").statusCode()).isEqualTo(200);
		String csrf = pages.csrf("/problems");
		HttpResponse<String> out = pages.post("/logout", "_csrf=" + csrf);
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		assertThat(rows(id)).isZero();
		assertThat(pages.get("/problems").statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionIsReadFromTheDatabaseOnEveryRequest() throws Exception {
		PageClient pages = new PageClient(port);
		String id = signIn(pages, "yuzhong.admin");
		assertThat(pages.get("/problems").statusCode()).isEqualTo(200);

		// what another node sees once the row is gone: no session
		jdbc.sql("delete from spring_session where session_id = :id").param("id", id).update();
		HttpResponse<String> after = pages.get("/problems");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void staticFilesNeverReadOrWriteTheSession() throws Exception {
		PageClient pages = new PageClient(port);
		String id = signIn(pages, "nanan.admin");
		assertThat(pages.get("/problems").statusCode()).isEqualTo(200);
		long lastAccess = lastAccess(id);
		Thread.sleep(20);

		for (String file : List.of("/css/grassroots.css", "/js/unit-picker.js", "/favicon.ico",
				"/webjars/bootstrap/dist/css/bootstrap.min.css")) {
			HttpResponse<String> response = pages.get(file);
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(file).noneMatch(c -> c.startsWith("SESSION="));
		}

		// a loaded session is written back with a new last access: this one was not even read
		assertThat(lastAccess(id)).isEqualTo(lastAccess);
		assertThat(pages.get("/problems").statusCode()).as("still signed in").isEqualTo(200);
		assertThat(lastAccess(id)).isGreaterThan(lastAccess);
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverBusy() throws Exception {
		PageClient pages = new PageClient(port);
		String id = signIn(pages, "nanan.admin");
		assertThat(pages.get("/problems").statusCode()).isEqualTo(200);

		// what every node reads once the sign-in is 12 hours old: the note the sign-in left, moved back
		var bytes = new ByteArrayOutputStream();
		try (var out = new ObjectOutputStream(bytes)) {
			out.writeObject(Instant.now().minus(Duration.ofHours(12)).minusSeconds(1));
		}
		assertThat(jdbc.sql("""
				update spring_session_attributes set attribute_bytes = :bytes
				where attribute_name = 'grassroots.signedInAt'
				  and session_primary_id = (select primary_id from spring_session where session_id = :id)
				""").param("bytes", bytes.toByteArray()).param("id", id).update()).isOne();

		HttpResponse<String> ended = pages.get("/problems");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(rows(id)).isZero();
		assertThat(pages.get("/login?expired").body()).contains("登录已超过最长时限");
		assertThat(pages.get("/problems").statusCode()).as("signed out").isEqualTo(302);
	}

	@Test
	void expiredSessionsAreDeletedByTheCleanupJob() throws Exception {
		PageClient pages = new PageClient(port);
		String id = signIn(pages, "yuzhong.admin");
		String live = sessionId(sessionCookie(new PageClient(port).get("/login")));
		jdbc.sql("update spring_session set expiry_time = 0 where session_id = :id").param("id", id).update();

		cleanup.deleteExpired();

		assertThat(rows(id)).isZero();
		assertThat(rows(live)).isOne();
	}

	/** Signs the demo account in through the page and answers the id of its new session. */
	private static String signIn(PageClient pages, String username) throws Exception {
		return sessionId(sessionCookie(pages.post("/login", "username=" + username + "&password="
				+ PageClient.encode(Api.DEMO_PASSWORD) + "&_csrf=" + pages.csrf("/login"))));
	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", sessionId)
			.query(Long.class).single();
	}

	private int rows(String sessionId) {
		return jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId)
			.query(Integer.class).single();
	}

	/** The session id in a Set-Cookie header: Spring Session writes it base64-encoded. */
	private static String sessionId(String setCookie) {
		String value = setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
		return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter(cookie -> cookie.startsWith("SESSION=")).findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

}
