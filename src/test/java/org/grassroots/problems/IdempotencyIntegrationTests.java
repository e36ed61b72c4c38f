package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that lost the answer to a create and sends it again with the same Idempotency-Key gets
 * the first result, and nothing is created twice: problems through the API, residents' reports,
 * Open311 requests. Keys belong to their caller and operation.
 */
@IntegrationTest
class IdempotencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api() {
		return new Api(port);
	}

	@Test
	void aRetryWithTheSameKeyAnswersTheFirstProblemAndCreatesNoOther() {
		Api api = api();
		String token = api.token("nanan.admin");
		String title = Api.uniqueCode("idempotent ");
		String key = UUID.randomUUID().toString();

		Api.Reply first = api.post(token, "/api/v1/problems", problem(title), "Idempotency-Key", key);
		Api.Reply retry = api.post(token, "/api/v1/problems", problem(title), "Idempotency-Key", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.text("ledgerNo")).isEqualTo(first.text("ledgerNo"));
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(problems(title)).isEqualTo(1);
		assertThat(keys(key)).isEqualTo(1);
	}

	@Test
	void anExpiredKeyIsNoLongerAnyonesAndCreatesAgain() {
		Api api = api();
		String token = api.token("nanan.admin");
		String key = UUID.randomUUID().toString();
		long account = jdbc.sql("select id from account where username = 'nanan.admin'").query(Long.class).single();
		// a result kept two days ago for another request: past the 24 hours, it blocks only the key's row
		jdbc.sql("insert into idempotency_key (scope, idem_key, request_hash, status, body, created_at) values "
				+ "(:scope, :key, 'old', 201, 'old', :at)")
			.param("scope", "problems.register:account:" + account)
			.param("key", key)
			.param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))))
			.update();
		String title = Api.uniqueCode("expired key ");

		Api.Reply created = api.post(token, "/api/v1/problems", problem(title), "Idempotency-Key", key);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(problems(title)).isEqualTo(1);
		assertThat(keys(key)).isEqualTo(1);
		assertThat(jdbc.sql("select request_hash from idempotency_key where idem_key = :key").param("key", key)
			.query(String.class).single()).isNotEqualTo("old");
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedAndCreatesNothing() {
		Api api = api();
		String token = api.token("nanan.admin");
		String title = Api.uniqueCode("first ");
		String other = Api.uniqueCode("other ");
		String key = UUID.randomUUID().toString();
		assertThat(api.post(token, "/api/v1/problems", problem(title), "Idempotency-Key", key).status()).isEqualTo(201);

		Api.Reply refused = api.post(token, "/api/v1/problems", problem(other), "Idempotency-Key", key);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("error.idempotency-key.reused");
		assertThat(refused.text("detail")).contains("Idempotency-Key");
		assertThat(problems(other)).isZero();
	}

	@Test
	void tenConcurrentRequestsWithOneKeyCreateOneProblemAndAllAnswerIt() throws Exception {
		Api api = api();
		String token = api.token("nanan.admin");
		String title = Api.uniqueCode("raced ");
		String key = UUID.randomUUID().toString();
		List<Callable<Api.Reply>> sends = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			sends.add(() -> api.post(token, "/api/v1/problems", problem(title), "Idempotency-Key", key));
		}
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Api.Reply> replies = new ArrayList<>();
		try {
			for (Future<Api.Reply> reply : pool.invokeAll(sends)) {
				replies.add(reply.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
		assertThat(replies.stream().map(reply -> reply.text("ledgerNo")).distinct()).hasSize(1);
		assertThat(problems(title)).isEqualTo(1);
	}

	@Test
	void anotherDistrictsUserWithTheSameKeyGetsTheirOwnProblem() {
		Api api = api();
		String title = Api.uniqueCode("shared key ");
		String key = UUID.randomUUID().toString();

		Api.Reply nanan = api.post(api.token("nanan.admin"), "/api/v1/problems", problem(title), "Idempotency-Key", key);
		Api.Reply yuzhong = api.post(api.token("yuzhong.admin"), "/api/v1/problems", problem(title), "Idempotency-Key", key);

		assertThat(nanan.status()).isEqualTo(201);
		assertThat(yuzhong.status()).as(yuzhong.body()).isEqualTo(201);
		assertThat(yuzhong.text("ledgerNo")).isNotEqualTo(nanan.text("ledgerNo"));
		assertThat(yuzhong.text("districtCode")).isNotEqualTo(nanan.text("districtCode"));
		assertThat(problems(title)).isEqualTo(2);
	}

	@Test
	void aKeyThatIsTooLongIsRefused() {
		Api api = api();
		String title = Api.uniqueCode("long key ");

		Api.Reply refused = api.post(api.token("nanan.admin"), "/api/v1/problems", problem(title), "Idempotency-Key",
				"k".repeat(256));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("error.idempotency-key.invalid");
		assertThat(problems(title)).isZero();
	}

	@Test
	void aResidentsRetriedReportAnswersTheSameLedgerNumberAndTrackingCode() {
		Api api = api();
		String title = Api.uniqueCode("resident retry ");
		String key = UUID.randomUUID().toString();
		String report = Api.json("locationUnitId", unitId(ProblemSteps.COMMUNITY), "categoryCode", "HOUSING", "title",
				title, "description", "the stair light is out");

		Api.Reply first = api.post(null, "/api/v1/public/reports", report, "Idempotency-Key", key);
		Api.Reply retry = api.post(null, "/api/v1/public/reports", report, "Idempotency-Key", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.text("ledgerNo")).isEqualTo(first.text("ledgerNo"));
		assertThat(retry.text("trackingCode")).isEqualTo(first.text("trackingCode"));
		assertThat(problems(title)).isEqualTo(1);
		// the kept answer holds the tracking code: it is stored encrypted
		assertThat(jdbc.sql("select body from idempotency_key where idem_key = :key").param("key", key)
			.query(String.class).single()).doesNotContain(first.text("trackingCode"));
	}

	@Test
	void anOpen311RetryAnswersTheSameServiceRequestId() throws Exception {
		Api api = api();
		Api.Reply issued = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", "idempotent client"));
		String apiKey = issued.text("key");
		String description = Api.uniqueCode("open311 retry ");
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = open311(key, "api_key", apiKey, "service_code", "OTHER", "address_id",
				ProblemSteps.COMMUNITY, "description", description);
		HttpResponse<String> retry = open311(key, "api_key", apiKey, "service_code", "OTHER", "address_id",
				ProblemSteps.COMMUNITY, "description", description);
		HttpResponse<String> changed = open311(key, "api_key", apiKey, "service_code", "OTHER", "address_id",
				ProblemSteps.COMMUNITY, "description", description + " and more");

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(id(retry)).isEqualTo(id(first));
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(422);
		assertThat(JSON.readTree(changed.body()).get(0).path("code").asInt()).isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from problem where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String id(HttpResponse<String> response) {
		JsonNode body = JSON.readTree(response.body());
		return body.get(0).path("service_request_id").asString();
	}

	private HttpResponse<String> open311(String key, String... form) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < form.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(PageClient.encode(form[i])).append('=')
				.append(PageClient.encode(form[i + 1]));
		}
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String problem(String title) {
		return Api.json("title", title, "description", "found on a walk", "source", "SELF_FOUND", "categoryCode",
				"PARKING");
	}

	private long unitId(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
	}

	private long problems(String title) {
		return jdbc.sql("select count(*) from problem where title = :title").param("title", title).query(Long.class).single();
	}

	private long keys(String key) {
		return jdbc.sql("select count(*) from idempotency_key where idem_key = :key").param("key", key)
			.query(Long.class).single();
	}

}
