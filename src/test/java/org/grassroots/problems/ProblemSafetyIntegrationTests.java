package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.problems.internal.DeadlineJob;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * What must not go wrong: concurrent commands, other districts, bad input, files, the export and
 * the deadline job.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemSafetyIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineJob deadlines;

	ProblemSteps steps;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void twentyConcurrentRecognitionsAndReturnsLeaveOneWinnerAndAConsistentHistory() throws Exception {
		long id = steps.register("nanan.admin", Api.uniqueCode("race "));
		steps.toSubmitted(id);
		int version = steps.version(id);
		String admin = steps.token("nanan.admin");
		String street = steps.token("huayuanlu.worker");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<Integer>> replies = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String token = i % 2 == 0 ? admin : street;
			String action = i % 4 < 2 ? "recognize" : "return";
			replies.add(pool.submit(() -> {
				start.await();
				return api.post(token, "/api/v1/problems/" + id + "/" + action,
						Api.json("version", version, "note", "race " + action)).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> reply : replies) {
			statuses.add(reply.get());
		}
		pool.shutdown();

		assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
		assertThat(Collections.frequency(statuses, 409)).isEqualTo(19);
		List<String> afterSubmit = new ArrayList<>();
		JsonNode detail = api.get(admin, "/api/v1/problems/" + id).json();
		boolean seenSubmit = false;
		for (JsonNode entry : detail.path("timeline")) {
			if (seenSubmit) {
				afterSubmit.add(entry.path("action").asString());
			}
			seenSubmit |= entry.path("action").asString().equals("SUBMIT");
		}
		assertThat(afterSubmit).hasSize(1).first().isIn("RECOGNIZE", "RETURN");
		assertThat(detail.path("problem").path("version").asInt()).isEqualTo(version + 1);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_id = :no and kind in ('PROBLEM_RECOGNIZE', 'PROBLEM_RETURN')")
			.param("no", detail.path("problem").path("ledgerNo").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aListsTotalIsTheNumberOfDistinctProblemsInScope() {
		steps.register("nanan.admin", Api.uniqueCode("counted "));
		for (String username : new String[] { "nanan.admin", "yuzhong.admin" }) {
			String prefix = username.startsWith("nanan") ? "/500000/500108/" : "/500000/500103/";
			long expected = jdbc.sql("select count(distinct problem_id) from problem_party where unit_path like :prefix")
				.param("prefix", prefix + "%").query(Long.class).single();
			long total = api.get(steps.token(username), "/api/v1/problems?page=0").json().path("total").asLong();
			assertThat(total).as(username).isEqualTo(Math.min(expected, ProblemViews.COUNT_LIMIT + 1L)).isPositive();
		}
	}

	@Test
	void aStaleVersionAnswers409AndChangesNothing() {
		long id = steps.register("nanan.admin", Api.uniqueCode("stale "));
		int version = steps.version(id);
		steps.ok("nanan.admin", id, "accept");
		Api.Reply stale = api.post(steps.token("nanan.admin"), "/api/v1/problems/" + id + "/decline",
				Api.json("version", version, "note", "changed my mind"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(steps.state(id)).isEqualTo("ACCEPTED");
		// an illegal transition names the reason
		Api.Reply illegal = steps.command("nanan.admin", id, "accept");
		assertThat(illegal.status()).isEqualTo(409);
		assertThat(illegal.text("detail")).isEqualTo("Accept is not allowed while the problem is Accepted.");
	}

	@Test
	void everyRoleOfAnotherDistrictIsRefusedEverywhere() {
		long id = steps.register("nanan.admin", Api.uniqueCode("nanan only "));
		String ledgerNo = steps.problem("nanan.admin", id).path("ledgerNo").asString();
		assertThat(api.get(steps.token("nanan.admin"), "/api/v1/problems?q=" + ledgerNo).json().path("items").get(0)
			.path("id").asLong()).as("found by its ledger number").isEqualTo(id);
		assertThat(api.get(steps.token("yuzhong.admin"), "/api/v1/problems?q=" + ledgerNo).json().path("total").asInt())
			.isZero();
		long attachment = api.upload(steps.token("nanan.admin"), "/api/v1/problems/" + id + "/attachments", "a.png", PNG)
			.json()
			.path("id")
			.asLong();
		for (String outsider : List.of("yuzhong.admin", "jiefangbei.worker")) {
			String token = steps.token(outsider);
			assertThat(api.get(token, "/api/v1/problems/" + id).status()).as(outsider).isEqualTo(404);
			assertThat(api.post(token, "/api/v1/problems/" + id + "/accept", Api.json("version", 0)).status()).isEqualTo(404);
			assertThat(api.post(token, "/api/v1/problems/" + id + "/supervise", Api.json("version", 0, "reason", "x"))
				.status()).isEqualTo(404);
			assertThat(api.download(token, "/api/v1/problems/" + id + "/attachments/" + attachment).status()).isEqualTo(404);
			assertThat(api.upload(token, "/api/v1/problems/" + id + "/attachments", "b.png", PNG).status()).isEqualTo(404);
			assertThat(api.get(token, "/api/v1/problems?q=nanan%20only").body()).doesNotContain("nanan only");
		}
		assertThat(api.download(steps.token("nanan.admin"), "/api/v1/problems/" + id + "/attachments/" + attachment).bytes())
			.isEqualTo(PNG);
	}

	@Test
	void badInputGetsAClearErrorAndWritesNothing() {
		String token = steps.token("nanan.admin");
		int before = problemCount();
		Api.Reply missing = api.post(token, "/api/v1/problems", Api.json("title", "", "source", "SELF_FOUND"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("description").contains("title").contains("categoryCode");
		Api.Reply unknown = api.post(token, "/api/v1/problems", Api.json("title", "t", "description", "d", "source",
				"SELF_FOUND", "categoryCode", "NO_SUCH"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text("detail")).contains("NO_SUCH");
		Api.Reply tooLong = api.post(token, "/api/v1/problems", Api.json("title", "t", "description", "x".repeat(4001),
				"source", "SELF_FOUND", "categoryCode", "PARKING"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("description");
		Api.Reply badSource = api.post(token, "/api/v1/problems", Api.json("title", "t", "description", "d", "source",
				"RUMOUR", "categoryCode", "PARKING"));
		assertThat(badSource.status()).isEqualTo(400);
		assertThat(badSource.body()).contains("source");
		Api.Reply badPhone = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId",
				steps.unitId(ProblemSteps.COMMUNITY), "categoryCode", "PARKING", "title", "t", "description", "d", "phone", "12"));
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(problemCount()).isEqualTo(before);
	}

	@Test
	void attachmentsAreCheckedByContentAndSize() {
		long id = steps.register("nanan.admin", Api.uniqueCode("files "));
		String token = steps.token("nanan.admin");
		int before = jdbc.sql("select count(*) from problem_attachment").query(Integer.class).single();

		byte[] exe = new byte[64];
		exe[0] = 'M';
		exe[1] = 'Z';
		Api.Reply renamed = api.upload(token, "/api/v1/problems/" + id + "/attachments", "photo.jpg", exe);
		assertThat(renamed.status()).isEqualTo(400);
		assertThat(renamed.text("detail")).contains("photo.jpg");
		byte[] large = new byte[11 * 1024 * 1024];
		System.arraycopy(PNG, 0, large, 0, PNG.length);
		Api.Reply tooLarge = api.upload(token, "/api/v1/problems/" + id + "/attachments", "big.png", large);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.text("detail")).contains("10");
		assertThat(jdbc.sql("select count(*) from problem_attachment").query(Integer.class).single()).isEqualTo(before);

		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
		Api.Reply stored = api.upload(token, "/api/v1/problems/" + id + "/attachments", "plan.bin", pdf);
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		assertThat(stored.text("contentType")).isEqualTo("application/pdf");
		Api.Download download = api.download(token, "/api/v1/problems/" + id + "/attachments/" + stored.json().path("id").asLong());
		assertThat(download.contentType()).isEqualTo("application/pdf");
		assertThat(download.bytes()).isEqualTo(pdf);
	}

	/** A streamed download ends in an async dispatch, which a bearer token's request must pass too. */
	@Test
	void downloadsWithABearerTokenLogNoRefusal(CapturedOutput output) {
		String token = steps.token("yuzhong.admin");
		long id = steps.register("yuzhong.admin", Api.uniqueCode("download "));
		long attachment = api.upload(token, "/api/v1/problems/" + id + "/attachments", "a.png", PNG).json().path("id").asLong();
		for (int i = 0; i < 20; i++) {
			assertThat(api.download(token, "/api/v1/problems/" + id + "/attachments/" + attachment).bytes()).isEqualTo(PNG);
		}
		assertThat(api.get(token, "/api/v1/problems/" + id).status()).isEqualTo(200);
		assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException").doesNotContain("Access Denied");
	}

	@Test
	void theLedgerExportIsAnXlsxOfTheFilteredListWithPhonesMasked() throws Exception {
		String title = Api.uniqueCode("export ");
		api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", steps.unitId(ProblemSteps.COMMUNITY),
				"categoryCode", "HOUSING", "title", title, "description", "d", "phone", "13712345678", "discloseIdentity", true));
		Api.Download xlsx = api.download(steps.token("nanan.admin"), "/api/v1/problems/export.xlsx?category=HOUSING&q=" + title.replace(" ", "%20"));
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			StringBuilder row = new StringBuilder();
			sheet.getRow(1).forEach(cell -> row.append(cell.toString()).append('|'));
			assertThat(row.toString()).contains(title).contains("137****5678").doesNotContain("13712345678");
		}
		// another district's export does not hold it
		Api.Download yuzhong = api.download(steps.token("yuzhong.admin"), "/api/v1/problems/export.xlsx?q=" + title.replace(" ", "%20"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(yuzhong.bytes()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
	}

	@Test
	void theDeadlineJobFlagsOverdueProblemsAndReportInsOnceAndRunsOnOneNodeAtATime() {
		long id = steps.register("nanan.admin", Api.uniqueCode("late "));
		long soon = steps.register("nanan.admin", Api.uniqueCode("due soon "));
		steps.ok("nanan.admin", soon, "accept");
		steps.ok("nanan.admin", soon, "assign", "unitId", steps.unitId(ProblemSteps.STREET), "deadline",
				java.time.Instant.now().plus(Duration.ofDays(2)).toString());
		steps.ok("nanan.admin", id, "accept");
		steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		steps.ok("huayuanlu.worker", id, "plan", "measures", "m");
		api.post(steps.token("huayuanlu.worker"), "/api/v1/problems/" + id + "/summons",
				Api.json("departmentUnitIds", List.of(steps.unitId("500108-D02")), "reason", "r", "emergency", true));
		var past = Times.utc(java.time.Instant.now().minus(Duration.ofHours(2)));
		jdbc.sql("update problem set deadline = :past where id = :id").param("past", past).param("id", id).update();
		jdbc.sql("update summons set due_at = :past where problem_id = :id").param("past", past).param("id", id).update();

		// another node holds the lease (ShedLock, the database's clock): this one does nothing
		jdbc.sql("delete from shedlock where name = 'problem-deadlines'").update();
		jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('problem-deadlines', timestamp '2999-01-01 00:00:00', timestamp '2000-01-01 00:00:00', 'other-node')
				""").update();
		assertThat(deadlines.runOnce()).isFalse();
		assertThat(steps.problem("nanan.admin", id).path("overdue").asBoolean()).isFalse();

		// once the lease runs out, this node runs it
		jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01 00:01:00' where name = 'problem-deadlines'").update();
		assertThat(deadlines.runOnce()).isTrue();
		assertThat(deadlines.runOnce()).isTrue();
		JsonNode detail = api.get(steps.token("nanan.admin"), "/api/v1/problems/" + id).json();
		assertThat(detail.path("problem").path("overdue").asBoolean()).isTrue();
		long flags = 0;
		for (JsonNode entry : detail.path("timeline")) {
			flags += entry.path("action").asString().equals("FLAG_OVERDUE") ? 1 : 0;
		}
		assertThat(flags).as("flagged once however often the job runs").isEqualTo(1);
		assertThat(detail.path("summonses").get(0).path("departments").get(0).path("overdue").asBoolean()).isTrue();

		// the street's queue puts it first
		JsonNode queue = api.get(steps.token("huayuanlu.worker"), "/api/v1/problems/queue").json();
		assertThat(queue.path("items").get(0).path("overdue").asBoolean()).isTrue();

		// the street hears of the overdue problem, and of the one due within three days, once each
		String lateNo = detail.path("problem").path("ledgerNo").asString();
		String soonNo = steps.problem("nanan.admin", soon).path("ledgerNo").asString();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> notices = new ArrayList<>();
			api.get(steps.token("huayuanlu.worker"), "/api/v1/problems/inbox").json().path("notices")
				.forEach(notice -> notices.add(notice.path("kind").asString() + " " + notice.path("ledgerNo").asString()));
			assertThat(notices).containsOnlyOnce("OVERDUE " + lateNo, "DEADLINE_SOON " + soonNo);
		});
	}

	@Test
	void onlyTheCityAdministratorChangesCategoryTimeLimits() {
		JsonNode parking = null;
		for (JsonNode category : api.get(steps.token("nanan.admin"), "/api/v1/problems/categories").json()) {
			if (category.path("code").asString().equals("EDUCATION")) {
				parking = category;
			}
		}
		assertThat(parking).isNotNull();
		String body = Api.json("nameZh", "教育", "nameEn", "Education", "responseHours", 12, "emergencyHours", 2,
				"utilityHours", 24, "generalHours", 120, "complexHours", 360, "sortOrder", 5, "version",
				parking.path("version").asInt());
		assertThat(put(steps.token("nanan.admin"), body).status()).isEqualTo(403);
		Api.Reply changed = put(steps.token("city.admin"), body);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().path("generalHours").asInt()).isEqualTo(120);
		assertThat(put(steps.token("city.admin"), body).status()).as("stale version").isEqualTo(409);
	}

	private Api.Reply put(String token, String body) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
					+ "/api/v1/problems/categories/EDUCATION"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build();
			var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Api.Reply(response.statusCode(), tools.jackson.databind.json.JsonMapper.builder().build()
				.readTree(response.body()), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int problemCount() {
		return jdbc.sql("select count(*) from problem").query(Integer.class).single();
	}

}
