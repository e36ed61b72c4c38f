package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.grassroots.support.Api;
import org.grassroots.support.Events;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.StatementMeter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a check-in and an intake cost in statements and commits, request and event delivery
 * together (issue 19): counted by {@link StatementMeter}, never timed.
 */
@IntegrationTest
class WritePathBudgetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Database database;

	@Test
	void aCheckInWithAFreshToken() {
		Instant start = Instant.now();
		Api api = new Api(port);
		String admin = api.token("nanan.admin");
		long unit = api.get(admin, "/api/v1/units/by-code/500108002001").json().path("id").asLong();
		Api.Reply created = api.post(admin, "/api/v1/learning/points", Api.json("name", Api.uniqueCode("点 "), "kind",
				"CHECK_IN_POINT", "unitId", unit, "restricted", false));
		long point = created.json().path("id").asLong();
		Map<String, String> code = code(api, admin, point);
		String member = api.token("member.li");
		Instant since = settled(start);
		StatementMeter.Reading reading = StatementMeter.measure(() -> {
			Api.Reply done = api.post(member, "/api/v1/learning/points/" + point + "/check-in",
					Api.json("k", Long.parseLong(code.get("k")), "s", code.get("s")));
			assertThat(done.status()).as(done.body()).isEqualTo(200);
		}, () -> Events.settleFrom(jdbc, since));
		// the person behind the token (1); the member's lock, the point, where they stand, the
		// check-in and the member marked changed: one on PostgreSQL, four on H2; the audit record
		// (1); no event publication; one commit (docs/learning.md)
		assertThat(reading.statements()).as(reading.toString()).isLessThanOrEqualTo(database.postgres() ? 3 : 6);
		assertThat(reading.commits()).as(reading.toString()).isLessThanOrEqualTo(1);
		assertThat(reading.sql()).as(reading.toString()).noneMatch(sql -> sql.contains("event_publication"));
		// the dashboard took the mark and applied it in one transaction of its own
		assertThat(reading.eventCommits()).as(reading.toString()).isEqualTo(1);
	}

	@Test
	void anIntakeThroughTheApi() {
		Api api = new Api(port);
		String token = api.token("yuzhong.admin");
		Runnable intake = () -> {
			Api.Reply reply = api.post(token, "/api/v1/problems", Api.json("title", Api.uniqueCode("budget "), "description",
					"d", "source", "SELF_FOUND", "categoryCode", "PARKING"));
			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		};
		// a steady stream: the one before has loaded the categories and districts the caches keep
		Instant warm = Instant.now();
		intake.run();
		Instant since = settled(warm);
		StatementMeter.Reading reading = StatementMeter.measure(intake, () -> Events.settleFrom(jdbc, since));
		// issue 19's floor: the token and its person 1, the raising unit 1, the problem 1 (its ledger
		// number taken inside), its parties 1, its timeline entry 1, the inbox notice 1, the audit
		// record 1, the problem marked changed for the dashboard 1; one commit and nothing through the
		// event registry
		assertThat(reading.statements()).as(reading.toString()).isLessThanOrEqualTo(8);
		assertThat(reading.commits()).as(reading.toString()).isEqualTo(1);
		assertThat(reading.sql()).as(reading.toString()).noneMatch(sql -> sql.contains("event_publication"));
		// the dashboard took the mark and applied it in one transaction of its own
		assertThat(reading.eventCommits()).as(reading.toString()).isEqualTo(1);
		assertThat(reading.sql()).as(reading.toString()).noneMatch(sql -> sql.startsWith("select")
				&& sql.contains("from problem p where p.id"));
		assertThat(reading.sql()).as(reading.toString()).filteredOn(sql -> sql.contains("into notification")).hasSize(1);
	}

	@Test
	void anIntakeThroughOpen311() throws Exception {
		Api api = new Api(port);
		Api.Reply issued = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", Api.uniqueCode("budget ")));
		String key = issued.text("key");
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
					+ "&service_code=PARKING&address_id=500103901001&description="
					+ URLEncoder.encode(Api.uniqueCode("budget "), StandardCharsets.UTF_8)))
			.build();
		// a client's steady stream: the key was used a moment ago, as KeyCache keeps it for 5 s
		Instant warm = Instant.now();
		assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		Instant since = settled(warm);
		StatementMeter.Reading reading = StatementMeter.measure(() -> {
			try {
				HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
				assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
			}
			catch (java.io.IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}, () -> Events.settleFrom(jdbc, since));
		// no UPDATE of the key's row (batched), no catalog and no district read on the request path
		assertThat(reading.sql()).as(reading.toString()).noneMatch(sql -> sql.contains("open311_key set")
				|| sql.contains("open311_attribute") || sql.contains("open311_service") || sql.contains("problem_category"));
		assertThat(reading.sql()).as(reading.toString()).filteredOn(sql -> sql.startsWith("select u.id, u.code")).hasSize(1);
		// the unit by its code 1, the problem 1, its parties 1, its timeline entry 1, the notice 1, the
		// audit record 1, the problem marked changed 1, the request log 1 (the key is cached)
		assertThat(reading.statements()).as(reading.toString()).isLessThanOrEqualTo(8);
		assertThat(reading.commits()).as(reading.toString()).isEqualTo(1);
		assertThat(reading.sql()).as(reading.toString()).noneMatch(sql -> sql.contains("event_publication"));
	}

	/** Waits for the deliveries of what the test did before measuring; the measured work's start. */
	private Instant settled(Instant from) {
		Events.settleFrom(jdbc, from);
		return Instant.now();
	}

	private static Map<String, String> code(Api api, String admin, long point) {
		String url = api.get(admin, "/api/v1/learning/points/" + point + "/qr").text("url");
		Map<String, String> query = new HashMap<>();
		for (String pair : URI.create(url).getQuery().split("&")) {
			String[] keyAndValue = pair.split("=", 2);
			query.put(keyAndValue[0], keyAndValue[1]);
		}
		return query;
	}

}
