package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.support.Api;
import org.grassroots.support.AppNode;
import org.grassroots.support.ItPostgres;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stops under load and comes back (issue 18): health turns 503 within 2 s and back to
 * 200 by itself, requests meanwhile answer 503 with Retry-After (never 500), every acknowledged
 * create is there exactly once because the clients retry with their Idempotency-Key, and no event
 * publication stays undelivered once the database is back.
 */
class PostgresRestartIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int WRITERS = 4;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();

	@Test
	void aRestartOfPostgresUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
		ItPostgres pg = ItPostgres.required();
		ItPostgres.Database database = pg.createDatabase("it_pg_restart");
		AtomicBoolean stopped = new AtomicBoolean();
		try (AppNode node = AppNode.start("pg-restart", new AppNode.Settings().database(database)
			.property("grassroots.events.retry-interval", "PT5S")
			.property("grassroots.events.resubmit-after", "PT15S"))) {
			String token = new Api(node.port()).token("nanan.admin");
			PageClient browser = new PageClient(node.port());
			browser.signIn("nanan.cadre", Api.DEMO_PASSWORD);
			AtomicBoolean loading = new AtomicBoolean(true);
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				work.add(writers.submit(() -> write(node, token, loading)));
			}
			pause(Duration.ofSeconds(8));
			int before = acknowledged.size();

			pg.stop();
			stopped.set(true);
			long down = System.nanoTime();
			assertThat(awaitHealth(node, 503, Duration.ofSeconds(10))).as("health turns 503").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - down)).as("health 503 within 2 s")
				.isLessThan(Duration.ofSeconds(2));
			assertThat(status(node, "/actuator/health/readiness")).as("readiness").isEqualTo(503);
			assertThat(status(node, "/actuator/health/liveness")).as("liveness: no reason to restart the node")
				.isEqualTo(200);
			assertSignedInBrowserGetsTheStyledUnavailablePage(browser);
			pause(Duration.ofSeconds(6));
			assertThat(answers.getOrDefault(503, new AtomicInteger()).get()).as("requests answered 503 meanwhile")
				.isPositive();

			pg.start();
			stopped.set(false);
			assertThat(awaitHealth(node, 200, Duration.ofSeconds(30))).as("health back to 200 by itself").isTrue();
			pause(Duration.ofSeconds(8));
			loading.set(false);
			for (Future<?> writer : work) {
				writer.get();
			}
			writers.shutdown();

			System.out.printf("PostgresRestartIT: %d creates acknowledged (%d before the stop), answers %s%n",
					acknowledged.size(), before, answers);
			assertThat(acknowledged.size()).as("writes went on after the restart").isGreaterThan(before);
			assertThat(answers.keySet()).as("answers seen: " + answers).allSatisfy(status -> assertThat(status)
				.isIn(201, 503));
			try (Connection connection = database.connect()) {
				assertEveryAcknowledgedCreateOnce(connection);
				assertNoPublicationStaysUndelivered(connection);
			}
			assertThat(Files.readAllLines(node.log()).stream().filter(line -> line.startsWith("\tat ")).count())
				.as("stack trace lines in " + node.log())
				.isZero();
		}
		finally {
			if (stopped.get()) {
				pg.start();
			}
			pg.dropDatabase(database.name());
		}
	}

	/** The 503 page and the stylesheets it links, fetched with the session cookie of a signed-in browser. */
	private static void assertSignedInBrowserGetsTheStyledUnavailablePage(PageClient browser) throws Exception {
		HttpResponse<String> page = browser.get("/problems");
		assertThat(page.statusCode()).as("a page while the database is away").isEqualTo(503);
		for (String file : List.of("/css/grassroots.css", "/webjars/bootstrap/dist/css/bootstrap.min.css")) {
			assertThat(page.body()).contains(file);
			long start = System.nanoTime();
			assertThat(browser.get(file).statusCode()).as(file + " with a session cookie").isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as(file + " without waiting for the pool")
				.isLessThan(Duration.ofSeconds(1));
		}
	}

	/** Creates problems one after another, each retried with its own key until acknowledged. */
	private void write(AppNode node, String token, AtomicBoolean loading) {
		while (loading.get()) {
			String title = "restart " + UUID.randomUUID();
			String key = UUID.randomUUID().toString();
			String body = Api.json("title", title, "description", "written while PostgreSQL restarts", "source",
					"SELF_FOUND", "categoryCode", "PARKING");
			long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (System.nanoTime() < giveUp) {
				int status = send(node, token, key, body, title);
				if (status == 201) {
					break;
				}
				pause(Duration.ofMillis(200));
			}
		}
	}

	private int send(AppNode node, String token, String key, String body, String title) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/problems"))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			answers.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
			if (response.statusCode() == 503) {
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
			if (response.statusCode() == 201) {
				JsonNode created = JSON.readTree(response.body());
				String previous = acknowledged.put(title, created.path("ledgerNo").asString());
				assertThat(previous).isNull();
			}
			return response.statusCode();
		}
		catch (IOException e) {
			// the answer was lost: the client cannot know whether the create happened, so it retries
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private void assertEveryAcknowledgedCreateOnce(Connection connection) throws SQLException {
		assertThat(acknowledged).isNotEmpty();
		try (PreparedStatement count = connection
			.prepareStatement("select count(*), min(ledger_no) from problem where title = ?")) {
			for (Map.Entry<String, String> create : acknowledged.entrySet()) {
				count.setString(1, create.getKey());
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					assertThat(rs.getInt(1)).as(create.getKey()).isEqualTo(1);
					assertThat(rs.getString(2)).isEqualTo(create.getValue());
				}
			}
		}
		try (PreparedStatement duplicates = connection.prepareStatement(
				"select count(*) from (select title from problem where title like 'restart %' group by title having count(*) > 1) d");
				ResultSet rs = duplicates.executeQuery()) {
			rs.next();
			assertThat(rs.getInt(1)).as("titles created twice").isZero();
		}
	}

	/**
	 * With the resubmission shortened to 15 s, every publication is delivered well within 2 minutes,
	 * and every problem marked changed is applied to the dashboard (its thread polls every second).
	 */
	private static void assertNoPublicationStaysUndelivered(Connection connection) throws SQLException {
		long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		int left;
		do {
			try (PreparedStatement undelivered = connection.prepareStatement(
					"select (select count(*) from event_publication where completion_date is null) + (select count(*) from problem_changed)");
					ResultSet rs = undelivered.executeQuery()) {
				rs.next();
				left = rs.getInt(1);
			}
			if (left > 0) {
				pause(Duration.ofSeconds(1));
			}
		}
		while (left > 0 && System.nanoTime() < end);
		assertThat(left).as("event publications undelivered or problems not applied 2 minutes after the restart").isZero();
	}

	private int status(AppNode node, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(2)).build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static boolean awaitHealth(AppNode node, int status, Duration limit) {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (node.health(Duration.ofSeconds(1)) == status) {
				return true;
			}
			pause(Duration.ofMillis(100));
		}
		return false;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
