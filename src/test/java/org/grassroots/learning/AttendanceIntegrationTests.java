package org.grassroots.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Who records a session's attendance, all or none, and on which day it counts (docs/learning.md). */
@IntegrationTest
class AttendanceIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	Api api;

	Map<String, String> tokens = new HashMap<>();

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void everyoneRecordsAttendanceExactlyAsTheDocumentedTableSays() throws Exception {
		long memberLi = memberId("member.li");
		List<String> failures = new ArrayList<>();
		for (String[] row : documentedTable()) {
			String account = row[0];
			long session = session(unitId(row[1]), Instant.now().minus(1, ChronoUnit.MINUTES));
			Api.Reply reply = api.post(token(account), "/api/v1/learning/sessions/" + session + "/attendance",
					Api.json("accountIds", List.of(memberLi)));
			int expected = Integer.parseInt(row[2]);
			int recorded = recorded(session);
			if (reply.status() != expected || recorded != (expected == 200 ? 1 : 0)) {
				failures.add(account + " at " + row[1] + ": " + reply.status() + ", " + recorded + " recorded, expected "
						+ expected);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aCadreOrSteeringGroupGetsNeitherTheListNorTheCodeOnThePage() throws Exception {
		long session = session(unitId("500108002"), Instant.now().minus(1, ChronoUnit.MINUTES));
		long memberLi = memberId("member.li");
		for (String username : List.of("nanan.cadre", "steering.group")) {
			PageClient pages = new PageClient(port);
			pages.signIn(username, Api.DEMO_PASSWORD);
			String page = pages.get("/learning/sessions").body();
			assertThat(page).contains("data-session=\"" + session + "\"")
				.doesNotContain("att-" + session + "-")
				.doesNotContain("/learning/sessions/" + session + "/qr.png");
			assertThat(pages.bytes("/learning/sessions/" + session + "/qr.png").statusCode()).isEqualTo(403);
			var posted = pages.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance",
					"accountIds=" + memberLi);
			assertThat(posted.statusCode()).isEqualTo(302);
		}
		// another district's administrator does not even see it
		PageClient yuzhong = new PageClient(port);
		yuzhong.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(yuzhong.bytes("/learning/sessions/" + session + "/qr.png").statusCode()).isEqualTo(404);
		yuzhong.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance", "accountIds=" + memberLi);
		assertThat(recorded(session)).isZero();
		// the street's own caseworker records it
		PageClient worker = new PageClient(port);
		worker.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
		assertThat(worker.get("/learning/sessions").body()).contains("att-" + session + "-" + memberLi);
		assertThat(worker.bytes("/learning/sessions/" + session + "/qr.png").statusCode()).isEqualTo(200);
		worker.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance", "accountIds=" + memberLi);
		assertThat(recorded(session)).isEqualTo(1);
	}

	@Test
	void aListWithOneMemberOutsideTheHostsSubtreeRecordsNobody() throws Exception {
		String admin = token("nanan.admin");
		long session = session(unitId("500108002"), Instant.now().minus(1, ChronoUnit.MINUTES));
		long memberLi = memberId("member.li");
		long elsewhere = memberId("member.zhou"); // Nan'an, but another street
		String path = "/api/v1/learning/sessions/" + session + "/attendance";
		int audited = audited(session);

		assertThat(api.post(admin, path, Api.json("accountIds", List.of(memberLi, elsewhere))).status()).isEqualTo(404);
		assertThat(api.post(admin, path, Api.json("accountIds", List.of(elsewhere, memberLi))).status()).isEqualTo(404);
		assertThat(api.post(admin, path, Api.json("accountIds", List.of(memberLi, 987_654_321L))).status()).isEqualTo(404);
		assertThat(api.post(token("yuzhong.admin"), path, Api.json("accountIds", List.of(memberLi))).status()).isEqualTo(404);
		PageClient pages = new PageClient(port);
		pages.signIn("nanan.admin", Api.DEMO_PASSWORD);
		pages.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance",
				"accountIds=" + memberLi + "&accountIds=" + elsewhere);
		assertThat(recorded(session)).isZero();
		assertThat(audited(session)).isEqualTo(audited);

		Api.Reply accepted = api.post(admin, path, Api.json("accountIds", List.of(memberLi, memberLi)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().path("added").asInt()).isEqualTo(1);
		assertThat(recorded(session)).isEqualTo(1);
	}

	@Test
	void attendanceCountsOnTheDayTheSessionIsHeldInTheCitysTimeZone() throws Exception {
		String admin = token("nanan.admin");
		String street = Api.uniqueCode("S");
		long streetId = createUnit(street, unitId("500108"));
		long member = openMember((street + "m").toLowerCase(), street);
		LocalDate today = LocalDate.now(CITY);
		LocalDate thisMonth = today.withDayOfMonth(1);
		LocalDate lastMonth = thisMonth.minusMonths(1);
		long earlier = plan(streetId, lastMonth, thisMonth.minusDays(1));
		long current = plan(streetId, thisMonth, thisMonth.plusMonths(1).minusDays(1));

		// 23:30 on the last day of last month, and 00:30 on the first of this month (still last month in UTC)
		long lateLastMonth = session(streetId, thisMonth.minusDays(1).atTime(23, 30).atZone(CITY).toInstant());
		long earlyThisMonth = session(streetId, thisMonth.atTime(LocalTime.of(0, 30)).atZone(CITY).toInstant());
		attend(admin, lateLastMonth, member);
		assertThat(met(earlier, admin)).isEqualTo(1);
		assertThat(met(current, admin)).isZero();
		assertThat(checkDay(lateLastMonth)).isEqualTo(thisMonth.minusDays(1));

		// on the first itself, before 00:30, it is held today: that is recorded too
		attend(admin, earlyThisMonth, member);
		assertThat(met(current, admin)).isEqualTo(1);
		assertThat(checkDay(earlyThisMonth)).isEqualTo(thisMonth);
		assertThat(met(earlier, admin)).isEqualTo(1);
		assertThat(kept(earlier)).isEqualTo(fresh(earlier));
		assertThat(kept(current)).isEqualTo(fresh(current));

		// attendance recorded under the old rule, dated the day it was listed: migration V17 moves it back
		jdbc.sql("update check_in set check_day = :today where session_id in (:sessions)").param("today", today)
			.param("sessions", List.of(lateLastMonth, earlyThisMonth)).update();
		migrateV17();
		assertThat(checkDay(lateLastMonth)).isEqualTo(thisMonth.minusDays(1));
		assertThat(checkDay(earlyThisMonth)).isEqualTo(thisMonth);
		assertThat(met(earlier, admin)).isEqualTo(1);
		assertThat(met(current, admin)).isEqualTo(1);
		assertThat(kept(earlier)).isEqualTo(fresh(earlier));
		// another district sees neither plan
		assertThat(api.get(token("yuzhong.admin"), "/api/v1/learning/plans/" + earlier + "/coverage").status()).isEqualTo(404);
	}

	@Test
	void attendanceIsRefusedBeforeTheSessionsDayByListAndByCode() throws Exception {
		String admin = token("nanan.admin");
		long session = session(unitId("500108002"), Instant.now().plus(2, ChronoUnit.DAYS));
		long memberLi = memberId("member.li");
		Api.Reply early = api.post(admin, "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", List.of(memberLi)));
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.text("detail")).contains("not been held");

		PageClient pages = new PageClient(port);
		pages.signIn("nanan.admin", Api.DEMO_PASSWORD);
		String url = QrImagesTests.decode(pages.bytes("/learning/sessions/" + session + "/qr.png").body());
		Map<String, String> code = query(url);
		Api.Reply scanned = api.post(token("member.li"), "/api/v1/learning/sessions/" + session + "/check-in",
				Api.json("k", Long.parseLong(code.get("k")), "s", code.get("s")));
		assertThat(scanned.status()).as(scanned.body()).isEqualTo(409);
		assertThat(api.post(token("yuzhong.admin"), "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", List.of(memberLi))).status()).isEqualTo(404);
		assertThat(recorded(session)).isZero();
	}

	/** Reads the table under "### Who records attendance": | `account` | host unit code | status |. */
	static List<String[]> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/learning.md"));
		int start = lines.indexOf("### Who records attendance");
		assertThat(start).as("a '### Who records attendance' heading in docs/learning.md").isNotNegative();
		List<String[]> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("| account |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.split("\\|");
			rows.add(new String[] { cells[1].trim().replace("`", ""), cells[2].trim(), cells[3].trim() });
		}
		assertThat(rows).hasSizeGreaterThan(10);
		return rows;
	}

	private String token(String username) {
		return tokens.computeIfAbsent(username, api::token);
	}

	private long session(long hostUnitId, Instant startsAt) {
		Api.Reply created = api.post(token("city.admin"), "/api/v1/learning/sessions", Api.json("kind", "PARTY_CLASS", "topic",
				"党课", "speaker", "书记", "place", "会议室", "hostUnitId", hostUnitId, "startsAt", startsAt.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long plan(long unitId, LocalDate start, LocalDate end) {
		Api.Reply created = api.post(token("nanan.admin"), "/api/v1/learning/plans", Api.json("title", "one session", "unitId",
				unitId, "periodStart", start.toString(), "periodEnd", end.toString(), "requiredCount", 1));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void attend(String token, long session, long... accountIds) {
		Api.Reply reply = api.post(token, "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", java.util.Arrays.stream(accountIds).boxed().toList()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private int met(long plan, String token) {
		JsonNode coverage = api.get(token, "/api/v1/learning/plans/" + plan + "/coverage").json();
		return coverage.path("total").path("met").asInt();
	}

	private List<Integer> kept(long plan) {
		return jdbc.sql("select coalesce(sum(members), 0), coalesce(sum(met), 0) from plan_coverage where plan_id = :plan")
			.param("plan", plan)
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/** Members and those who met, counted from the check-ins as `CoverageRollup.rebuild` counts them. */
	private List<Integer> fresh(long plan) {
		return jdbc.sql("""
				select count(*), coalesce(sum(case when (select count(*) from check_in c where c.account_id = m.account_id
				  and c.check_day between p.period_start and p.period_end) >= p.required_count then 1 else 0 end), 0)
				from study_plan p join learning_member m on m.active = true and m.unit_path like p.unit_path || '%'
				where p.id = :plan
				""")
			.param("plan", plan)
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	private LocalDate checkDay(long session) {
		return jdbc.sql("select check_day from check_in where session_id = :id").param("id", session)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.single();
	}

	/** Runs this database's variant of migration V17 again, statement by statement. */
	private void migrateV17() throws Exception {
		String vendor;
		try (var connection = dataSource.getConnection()) {
			vendor = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2") ? "h2" : "postgresql";
		}
		String script = Files.readString(Path.of("src/main/resources/db/migration/" + vendor
				+ "/V17_1__attendance_on_session_day.sql"));
		for (String statement : script.split(";")) {
			if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
				jdbc.sql(statement).update();
			}
		}
	}

		private int recorded(long session) {
		return jdbc.sql("select count(*) from check_in where session_id = :id").param("id", session).query(Integer.class).single();
	}

	private int audited(long session) {
		return jdbc.sql("select count(*) from audit_record where kind = 'CHECKED_IN' and subject_type = 'STUDY_SESSION' "
				+ "and subject_id = :id")
			.param("id", String.valueOf(session))
			.query(Integer.class)
			.single();
	}

	private long memberId(String username) {
		return jdbc.sql("select account_id from learning_member where username = :u").param("u", username).query(Long.class)
			.single();
	}

	private long openMember(String username, String unitCode) {
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName",
				username, "unitCode", unitCode, "roles", List.of(Map.of("role", "PARTY_MEMBER")), "password",
				LearningIntegrationTests.PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().path("account").path("id").asLong();
	}

	private long createUnit(String code, long parentId) {
		Api.Reply created = api.post(token("nanan.admin"), "/api/v1/units", Api.json("code", code, "parentId", parentId,
				"nameZh", code, "level", "STREET"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long unitId(String code) {
		return api.get(token("city.admin"), "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

	private static Map<String, String> query(String url) {
		Map<String, String> query = new HashMap<>();
		for (String pair : java.net.URI.create(url).getQuery().split("&")) {
			String[] keyAndValue = pair.split("=", 2);
			query.put(keyAndValue[0], keyAndValue[1]);
		}
		return query;
	}

}
