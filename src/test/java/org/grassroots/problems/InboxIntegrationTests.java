package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.grassroots.problems.internal.NoticeRepository;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A notice that asks for something is done once that is done or no longer the unit's to do, and
 * the badge counts only what still needs doing. Problems live in Yuzhong, so Nan'an's queue stays
 * as other tests expect.
 */
@IntegrationTest
class InboxIntegrationTests {

	static final String STREET = "500103901";

	static final String OTHER_STREET = "500103902";

	/** A Yuzhong street without a demo account, whose inbox this class fills with history. */
	static final String HISTORY_STREET = "500103903";

	@LocalServerPort
	int port;

	@Autowired
	ProblemSupervision supervision;

	@Autowired
	NoticeRepository notices;

	@Autowired
	JdbcClient jdbc;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		steps = new ProblemSteps(new Api(port));
	}

	@Test
	void aClosedProblemsRecognitionNoticeIsDoneAndLeavesTheBadge() throws Exception {
		long id = steps.register("yuzhong.admin", Api.uniqueCode("渝中 台阶破损 "));
		String ledgerNo = steps.problem("yuzhong.admin", id).path("ledgerNo").asString();
		steps.ok("yuzhong.admin", id, "accept");
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET));
		steps.ok("jiefangbei.worker", id, "plan", "measures", "修补台阶");
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已修补");

		// the street is asked to recognize; the assignment it took up is already done
		awaitNotice("jiefangbei.worker", ledgerNo, "SUBMITTED", false);
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", true);
		assertBadgeCountsTheNoticesToDo("jiefangbei.worker");
		int before = pending("jiefangbei.worker");

		// the office recognizes first; the street's recognition closes the problem
		steps.ok("yuzhong.admin", id, "recognize");
		awaitNotice("jiefangbei.worker", ledgerNo, "SUBMITTED", false);
		steps.ok("jiefangbei.worker", id, "recognize");
		assertThat(steps.state(id)).isEqualTo("CLOSED");
		awaitNotice("jiefangbei.worker", ledgerNo, "SUBMITTED", true);
		awaitNotice("yuzhong.admin", ledgerNo, "SUBMITTED", true);
		assertThat(pending("jiefangbei.worker")).isLessThan(before);
		assertBadgeCountsTheNoticesToDo("jiefangbei.worker");

		// the page lists it under 已处理, greyed, and no longer under 待办
		PageClient street = new PageClient(port);
		street.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		String todo = street.get("/inbox").body();
		assertThat(todo).doesNotContain("data-ledger=\"" + ledgerNo + "\"").contains("id=\"tab-todo\"");
		String done = street.get("/inbox?tab=done").body();
		assertThat(done).contains("data-kind=\"SUBMITTED\" data-ledger=\"" + ledgerNo + "\" data-done=\"true\"")
			.contains("notice-done").contains("已处理");
		int badge = pending("jiefangbei.worker");
		assertThat(todo).contains(badge == 0 ? "待办（0）" : "id=\"inbox-unread\">" + badge + "<");

		// another district's office never sees Yuzhong's notice, done or not
		for (Boolean which : new Boolean[] { null, false, true }) {
			assertThat(ledgers(inbox("nanan.admin", which), null)).doesNotContain(ledgerNo);
		}
	}

	@Test
	void aNoticeIsDoneWhenTheProblemMovesAwayFromTheUnit() {
		long id = steps.register("yuzhong.admin", Api.uniqueCode("渝中 路面积水 "));
		String ledgerNo = steps.problem("yuzhong.admin", id).path("ledgerNo").asString();
		awaitNotice("yuzhong.admin", ledgerNo, "REPORTED", false);
		steps.ok("yuzhong.admin", id, "accept");
		awaitNotice("yuzhong.admin", ledgerNo, "REPORTED", true);

		// assigned to Jiefangbei, then to another street before Jiefangbei took it up
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET));
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", false);
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(OTHER_STREET));
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", true);

		// assigned back, the new notice asks again until the street takes it up
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET));
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", false);
		steps.ok("jiefangbei.worker", id, "plan", "measures", "疏通下水道");
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", true);
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已疏通");
		steps.ok("yuzhong.admin", id, "recognize");
		steps.ok("jiefangbei.worker", id, "recognize");
	}

	@Test
	void aNoticeThatOnlyTellsIsDoneOnceRead() throws Exception {
		long id = steps.register("yuzhong.admin", Api.uniqueCode("渝中 护栏松动 "));
		String ledgerNo = steps.problem("yuzhong.admin", id).path("ledgerNo").asString();
		steps.ok("yuzhong.admin", id, "accept");
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET), "deadline",
				Instant.now().plus(Duration.ofDays(2)).toString());
		supervision.noticeDeadlineSoon(id);
		awaitNotice("jiefangbei.worker", ledgerNo, "DEADLINE_SOON", false);

		PageClient street = new PageClient(port);
		street.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		street.submit("/inbox", "/inbox/read", "");
		awaitNotice("jiefangbei.worker", ledgerNo, "DEADLINE_SOON", true);
		// reading does not settle what asks for action: the assignment is still to take up
		awaitNotice("jiefangbei.worker", ledgerNo, "ASSIGNED", false);
		steps.ok("jiefangbei.worker", id, "plan", "measures", "加固护栏");
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已加固");
		steps.ok("yuzhong.admin", id, "recognize");
		steps.ok("jiefangbei.worker", id, "recognize");
	}

	@Test
	void theBadgeOfAUnitWithThousandsOfNoticesReadsItsOpenWorkNotItsHistory() {
		// one problem is assigned to Shangqingsi street, which no other test uses: its notice is to do
		long open = steps.register("yuzhong.admin", Api.uniqueCode("渝中 上清寺 "));
		steps.ok("yuzhong.admin", open, "accept");
		steps.ok("yuzhong.admin", open, "assign", "unitId", steps.unitId(HISTORY_STREET));
		String unit = "/500000/500103/" + HISTORY_STREET + "/";
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> notices.inbox(unit, 0, DataScope.CITY, false, 100).size() == 1);

		// and five thousand older notices about every other problem, all long settled
		List<Long> others = jdbc.sql("select id from problem where id <> :open order by id").param("open", open)
			.query(Long.class).list();
		Instant at = Instant.now();
		String batch = Api.uniqueCode("h");
		for (int i = 0; i < 5000; i++) {
			jdbc.sql("insert into notification (unit_path, kind, problem_id, ledger_no, title, dedupe_key, created_at)"
					+ " values (:unit, :kind, :problem, 'x', 'x', :key, :at)")
				.param("unit", unit).param("kind", List.of("REPORTED", "SUBMITTED", "OVERDUE", "COMMENTED").get(i % 4))
				.param("problem", others.get(i % others.size())).param("key", batch + i).param("at", Times.utc(at)).update();
		}

		// the best of three, so that the statement's first parse and a cold cache do not count
		long millis = Long.MAX_VALUE;
		for (int run = 0; run < 3; run++) {
			long started = System.nanoTime();
			assertThat(notices.pending(unit, 0, DataScope.CITY)).as("only the assignment is still to do").isEqualTo(1);
			millis = Math.min(millis, (System.nanoTime() - started) / 1_000_000);
		}
		assertThat(notices.inbox(unit, 0, DataScope.CITY, false, 100)).hasSize(1).noneMatch(Notice::done);
		assertThat(notices.inbox(unit, 0, DataScope.CITY, true, 100)).hasSize(100).allMatch(Notice::done);
		assertThat(notices.inbox(unit, 0, DataScope.NONE, null, 100)).as("out of scope").isEmpty();
		System.out.println("badge beside 5000 settled notices: " + millis + " ms");
		assertThat(millis).as("the badge is on every page").isLessThan(200);
	}

	/**
	 * Waits until the newest notice of the kind about the problem has reached the person's inbox
	 * and is done or not, listed under that tab only.
	 */
	private void awaitNotice(String username, String ledgerNo, String kind, boolean done) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode newest = null;
			for (JsonNode notice : inbox(username, null).path("notices")) {
				if (newest == null && notice.path("kind").asString().equals(kind)
						&& notice.path("ledgerNo").asString().equals(ledgerNo)) {
					newest = notice;
				}
			}
			assertThat(newest).as(kind + " " + ledgerNo + " for " + username).isNotNull();
			assertThat(newest.path("done").asBoolean()).as(kind + " done").isEqualTo(done);
			assertThat(ids(inbox(username, done))).contains(newest.path("id").asLong());
			assertThat(ids(inbox(username, !done))).doesNotContain(newest.path("id").asLong());
		});
	}

	private static List<Long> ids(JsonNode inbox) {
		List<Long> ids = new ArrayList<>();
		inbox.path("notices").forEach(notice -> ids.add(notice.path("id").asLong()));
		return ids;
	}

	/** The badge is the number of notices on the to-do tab (when it shows them all). */
	private void assertBadgeCountsTheNoticesToDo(String username) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode todo = inbox(username, false);
			int listed = todo.path("notices").size();
			if (listed < 100) {
				assertThat(todo.path("pending").asInt()).isEqualTo(listed);
			}
			for (JsonNode notice : todo.path("notices")) {
				assertThat(notice.path("done").asBoolean()).isFalse();
			}
		});
	}

	private int pending(String username) {
		return inbox(username, null).path("pending").asInt();
	}

	private JsonNode inbox(String username, Boolean done) {
		Api.Reply reply = steps.api.get(steps.token(username), "/api/v1/problems/inbox" + (done == null ? "" : "?done=" + done));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> ledgers(JsonNode inbox, String kind) {
		List<String> found = new ArrayList<>();
		for (JsonNode notice : inbox.path("notices")) {
			if (kind == null || notice.path("kind").asString().equals(kind)) {
				found.add(notice.path("ledgerNo").asString());
			}
		}
		return found;
	}

}
