package org.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.support.Api;
import org.grassroots.support.AppNode;
import org.grassroots.support.ItPostgres;
import org.grassroots.support.PageClient;
import org.grassroots.support.RoundRobinProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the packaged app on one PostgreSQL database behind a round-robin proxy: the page
 * session, the API and attachments work whichever node answers; a revoked token and the per-node
 * rate limits stay within the bounds docs/operations.md gives; and when one node is killed under
 * load, nothing acknowledged is lost, every notice is delivered once and the other node takes over
 * the deadline job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
			'D', 'R', 1, 2, 3, 4 };

	private static final Duration TOKEN_CACHE = Duration.ofSeconds(3);

	private static final int OPEN311_PER_MINUTE = 5;

	private ItPostgres pg;

	private ItPostgres.Database database;

	private AppNode a;

	private AppNode b;

	private RoundRobinProxy proxy;

	private Api api;

	private final AtomicInteger unanswered = new AtomicInteger();

	@BeforeAll
	void start() throws IOException {
		pg = ItPostgres.required();
		database = pg.createDatabase("it_two_nodes");
		for (String node : new String[] { "two-nodes-a", "two-nodes-b" }) {
			Files.deleteIfExists(Path.of("target", "it", node, "node.log"));
		}
		Path attachments = Files.createDirectories(Path.of("target", "it", "two-nodes-attachments").toAbsolutePath());
		a = AppNode.start("two-nodes-a", settings(attachments));
		b = AppNode.start("two-nodes-b", settings(attachments));
		proxy = new RoundRobinProxy(List.of(a, b));
		api = new Api(proxy.port());
	}

	private AppNode.Settings settings(Path attachments) {
		return new AppNode.Settings().database(database)
			.env("GRASSROOTS_ATTACHMENTS_DIR", attachments.toString())
			.env("GRASSROOTS_API_TOKEN_CACHE", TOKEN_CACHE.toString())
			.env("GRASSROOTS_OPEN311_REQUESTS_PER_MINUTE", String.valueOf(OPEN311_PER_MINUTE))
			.env("GRASSROOTS_PROBLEMS_DEADLINE_CHECK", "PT5S")
			.env("GRASSROOTS_EVENTS_RETRY_INTERVAL", "PT5S")
			// a delivery its node died in is marked failed after this, then retried by the other node
			.property("spring.modulith.events.staleness.published", "PT20S")
			.property("spring.modulith.events.staleness.processing", "PT20S")
			.property("spring.modulith.events.staleness.check-intervall", "PT5S");
	}

	@AfterAll
	void stop() {
		if (proxy != null) {
			proxy.close();
		}
		for (AppNode node : new AppNode[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			pg.dropDatabase(database.name());
		}
	}

	@Test
	@Order(1)
	void aPageSessionSignedInOnOneNodeGoesOnOnTheOther() throws Exception {
		PageClient pages = new PageClient(proxy.port());
		int before = proxy.served().size();
		assertThat(pages.signIn("nanan.admin", Api.DEMO_PASSWORD)).endsWith("/dashboard");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> page = pages.get("/problems");
			assertThat(page.statusCode()).as("a signed-in page on either node").isEqualTo(200);
			assertThat(page.body()).contains("/logout");
		}
		// a form whose CSRF token one node put in the session, posted to the other
		HttpResponse<String> out = pages.submit("/problems", "/logout", "");
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		assertThat(pages.get("/problems").statusCode()).as("signed out on both nodes").isEqualTo(302);

		List<String> served = proxy.served().subList(before, proxy.served().size());
		assertThat(alternates(served)).as("each request on the other node than the one before: " + served).isTrue();
	}

	@Test
	@Order(2)
	void aProblemIsReportedAcceptedAssignedAndItsAttachmentReadAcrossNodes() {
		String nanan = api.token("nanan.admin");
		Api.Reply registered = api.post(nanan, "/api/v1/problems", Api.json("title", "two nodes " + UUID.randomUUID(),
				"description", "found on a visit", "source", "SELF_FOUND", "categoryCode", "PARKING"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long id = registered.json().path("id").asLong();

		Api.Reply attached = new Api(a.port()).upload(nanan, "/api/v1/problems/" + id + "/attachments", "photo.png", PNG);
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		Api.Download download = new Api(b.port()).download(nanan,
				"/api/v1/problems/" + id + "/attachments/" + attached.json().path("id").asLong());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(PNG);

		int version = api.get(nanan, "/api/v1/problems/" + id).json().path("problem").path("version").asInt();
		assertThat(api.post(nanan, "/api/v1/problems/" + id + "/accept", Api.json("version", version)).status())
			.isEqualTo(200);
		long street = api.get(api.token("city.admin"), "/api/v1/units/by-code/500108002").json().path("id").asLong();
		Api.Reply assigned = api.post(nanan, "/api/v1/problems/" + id + "/assign",
				Api.json("version", version + 1, "unitId", street, "person", "张工作人员"));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(new Api(b.port()).get(nanan, "/api/v1/problems/" + id).json().path("problem").path("state").asString())
			.isEqualTo("ASSIGNED");
	}

	@Test
	@Order(3)
	void aTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinTheCacheTime() {
		Api nodeA = new Api(a.port());
		Api nodeB = new Api(b.port());
		Api.Reply issued = nodeA.post(null, "/api/v1/auth/tokens",
				Api.json("username", "huayuanlu.worker", "password", Api.DEMO_PASSWORD));
		String token = issued.text("token");
		assertThat(nodeB.get(token, "/api/v1/auth/me").status()).as("node B keeps the person for the cache time")
			.isEqualTo(200);

		assertThat(nodeA.delete(token, "/api/v1/auth/tokens/" + issued.json().path("id").asLong()).status())
			.isEqualTo(204);
		Instant revoked = Instant.now();
		assertThat(nodeA.get(token, "/api/v1/auth/me").status()).as("at once on the node that revoked it")
			.isEqualTo(401);
		while (nodeB.get(token, "/api/v1/auth/me").status() != 401
				&& Duration.between(revoked, Instant.now()).compareTo(TOKEN_CACHE.plusSeconds(10)) < 0) {
			sleep(Duration.ofMillis(200));
		}
		assertThat(Duration.between(revoked, Instant.now())).as("refused on node B within the cache time and a margin")
			.isLessThanOrEqualTo(TOKEN_CACHE.plusSeconds(5));
	}

	@Test
	@Order(4)
	void anOpen311KeysPostsAcrossTwoNodesAreCappedAtTwiceThePerNodeLimit() throws Exception {
		Api.Reply key = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", "two nodes"));
		assertThat(key.status()).isEqualTo(201);
		int allowed = 0;
		for (int i = 0; i < 3 * OPEN311_PER_MINUTE; i++) {
			// an incomplete request: refused 400 once counted, 429 once over the limit; nothing is written
			HttpResponse<String> reply = new PageClient(proxy.port()).post("/open311/v2/requests.json",
					"api_key=" + PageClient.encode(key.text("key")));
			allowed += reply.statusCode() == 429 ? 0 : 1;
		}
		assertThat(allowed).as("each node counts the key's requests on its own").isEqualTo(2 * OPEN311_PER_MINUTE);
	}

	@Test
	@Order(5)
	void aNodeKilledUnderLoadLosesNothingAcknowledgedAndTheOtherTakesOverItsJobs() throws Exception {
		String token = api.token("nanan.admin");
		String run = "load " + UUID.randomUUID().toString().substring(0, 8);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		Instant end = Instant.now().plusSeconds(24);
		List<Future<List<Long>>> acknowledged = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			acknowledged.add(clients.submit(() -> create(token, run + " " + thread, end)));
		}
		sleep(Duration.ofSeconds(10));
		a.kill();
		List<Long> ids = new ArrayList<>();
		for (Future<List<Long>> done : acknowledged) {
			ids.addAll(done.get());
		}
		clients.shutdown();
		assertThat(ids).as("writes acknowledged before and after the kill").hasSizeGreaterThan(20);
		System.out.printf("%d problems acknowledged, %d requests unanswered (cut by the kill)%n", ids.size(),
				unanswered.get());

		try (Connection db = database.connect()) {
			assertThat(count(db, "select count(*) from problem where id in (" + join(ids) + ")"))
				.as("every acknowledged write is there").isEqualTo(ids.size());
			// the worst case: node A died right after it took the deadline job's lease
			List<Long> late = ids.subList(0, 5);
			try (Statement statement = db.createStatement()) {
				statement.executeUpdate("delete from shedlock where name = 'problem-deadlines'");
				statement.executeUpdate("insert into shedlock (name, lock_until, locked_at, locked_by) values "
						+ "('problem-deadlines', timezone('utc', now()) + interval '1 minute', timezone('utc', now()), 'node A, killed')");
				statement.executeUpdate("update problem set response_due = now() - interval '1 hour' where id in ("
						+ join(late) + ")");
			}
			Instant killed = Instant.now();
			awaitTrue(db, Duration.ofMinutes(2), "select count(*) = 0 from problem p where title like '" + run
					+ "%' and (select count(*) from notification n where n.problem_id = p.id and n.kind = 'REPORTED') <> 1");
			awaitTrue(db, Duration.ofSeconds(60), "select count(*) = 0 from event_publication where completion_date is null");
			awaitTrue(db, Duration.ofMinutes(2).minus(Duration.between(killed, Instant.now())),
					"select count(*) = 5 from problem where overdue and id in (" + join(late) + ")");
			System.out.printf("node B flagged the problems %d s after node A's lease was left behind%n",
					Duration.between(killed, Instant.now()).toSeconds());
			assertThat(Files.readString(b.log())).contains("Job lock problem-deadlines taken over by")
				.contains("its last holder node A, killed never released it");
		}
	}

	/** Creates problems until the end; answers the ids of those the proxy acknowledged with 201. */
	private List<Long> create(String token, String prefix, Instant end) {
		List<Long> ids = new ArrayList<>();
		for (int n = 0; Instant.now().isBefore(end); n++) {
			try {
				Api.Reply reply = api.post(token, "/api/v1/problems", Api.json("title", prefix + "-" + n, "description",
						"under load", "source", "SELF_FOUND", "categoryCode", "PARKING"));
				if (reply.status() == 201) {
					ids.add(reply.json().path("id").asLong());
				}
				else {
					unanswered.incrementAndGet();
				}
			}
			catch (RuntimeException e) {
				// not acknowledged: the client would retry (with an Idempotency-Key)
				unanswered.incrementAndGet();
			}
		}
		return ids;
	}

	private static boolean alternates(List<String> served) {
		for (int i = 1; i < served.size(); i++) {
			if (served.get(i).split(" ")[0].equals(served.get(i - 1).split(" ")[0])) {
				return false;
			}
		}
		return served.size() > 4;
	}

	private static void awaitTrue(Connection db, Duration limit, String sql) throws SQLException {
		Instant end = Instant.now().plus(limit);
		boolean done = query(db, sql);
		while (!done && Instant.now().isBefore(end)) {
			sleep(Duration.ofSeconds(1));
			done = query(db, sql);
		}
		assertThat(done).as(sql + " within " + limit).isTrue();
	}

	private static boolean query(Connection db, String sql) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			return rows.next() && rows.getBoolean(1);
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String join(List<Long> ids) {
		return String.join(",", ids.stream().map(String::valueOf).toList());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
