package org.grassroots.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.learning.internal.QrSigner;
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

/** Plans, points, check-ins and coverage on the real app and database. */
@IntegrationTest
class LearningIntegrationTests {

	static final String PASSWORD = "a-long-member-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QrSigner signer;

	Api api;

	String admin;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		admin = api.token("nanan.admin");
	}

	@Test
	void coverageHasTheKnownAnswersAndFollowsAMemberWhoMovedMidPeriod() {
		// a street with two communities; four members, one of them at the street itself
		long nanan = unitId("500108");
		String street = Api.uniqueCode("S");
		long streetId = createUnit(street, nanan, "STREET");
		String c1 = street + "1";
		String c2 = street + "2";
		createUnit(c1, streetId, "COMMUNITY");
		createUnit(c2, streetId, "COMMUNITY");
		Map<String, Long> ids = new HashMap<>();
		for (String[] member : new String[][] { { "a", c1 }, { "b", c1 }, { "c", c2 }, { "d", street } }) {
			String username = (street + member[0]).toLowerCase();
			ids.put(member[0], openMember(username, member[1]));
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long plan = api.post(admin, "/api/v1/learning/plans", Api.json("title", "two a month", "unitId", streetId,
				"periodStart", today.withDayOfMonth(1).toString(), "periodEnd", today.withDayOfMonth(today.lengthOfMonth()).toString(),
				"requiredCount", 2)).json().path("id").asLong();
		long first = session(streetId, plan);
		long second = session(streetId, plan);
		attend(first, ids.get("a"), ids.get("b"), ids.get("c"));
		attend(second, ids.get("a"), ids.get("c"));

		JsonNode before = api.get(admin, "/api/v1/learning/plans/" + plan + "/coverage").json();
		assertThat(counts(before.path("total"))).containsExactly(4, 2);
		assertThat(rows(before)).containsEntry(c1, List.of(2, 1)).containsEntry(c2, List.of(1, 1))
			.containsEntry(street, List.of(1, 0));

		// c moves to the first community: counted there now, with everything done before the move
		JsonNode account = api.get(api.token("system.admin"), "/api/v1/accounts/" + ids.get("c")).json();
		assertThat(api.post(api.token("system.admin"), "/api/v1/accounts/" + ids.get("c") + "/move",
				Api.json("unitCode", c1, "version", account.path("version").asInt())).status()).isEqualTo(200);
		JsonNode after = api.get(admin, "/api/v1/learning/plans/" + plan + "/coverage").json();
		assertThat(counts(after.path("total"))).containsExactly(4, 2);
		assertThat(after.path("total").path("percent").asDouble()).isEqualTo(50.0);
		assertThat(rows(after)).containsEntry(c1, List.of(3, 2)).containsEntry(c2, List.of(0, 0));

		// drill down into the first community, and the members still behind
		long c1Id = unitId(c1);
		JsonNode community = api.get(admin, "/api/v1/learning/plans/" + plan + "/coverage?unitId=" + c1Id).json();
		assertThat(counts(community.path("total"))).containsExactly(3, 2);
		List<Long> behind = new ArrayList<>();
		api.get(admin, "/api/v1/learning/plans/" + plan + "/behind").json().forEach(row -> behind.add(row.path("accountId").asLong()));
		assertThat(behind).containsExactlyInAnyOrder(ids.get("b"), ids.get("d"));

		// the city sees the same rolled up under Nan'an; Yuzhong sees nothing of it
		JsonNode city = api.get(api.token("city.admin"), "/api/v1/learning/plans/" + plan + "/coverage?unitId=" + nanan).json();
		assertThat(counts(city.path("total"))).containsExactly(4, 2);
		assertThat(api.get(api.token("yuzhong.admin"), "/api/v1/learning/plans/" + plan + "/coverage").status()).isEqualTo(404);
	}

	@Test
	void fiftyConcurrentScansOfOneMemberMakeOneCheckIn() throws Exception {
		long point = point("500108002001", false);
		Map<String, String> code = code(point);
		String member = api.token("member.li");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Future<Api.Reply>> replies = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			replies.add(pool.submit(() -> {
				start.await();
				return api.post(member, "/api/v1/learning/points/" + point + "/check-in",
						Api.json("k", Long.parseLong(code.get("k")), "s", code.get("s")));
			}));
		}
		start.countDown();
		List<Boolean> already = new ArrayList<>();
		for (Future<Api.Reply> reply : replies) {
			Api.Reply done = reply.get();
			assertThat(done.status()).as(done.body()).isEqualTo(200);
			already.add(done.json().path("already").asBoolean());
		}
		pool.shutdown();
		assertThat(Collections.frequency(already, false)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from check_in where point_id = :point").param("point", point)
			.query(Integer.class).single()).isEqualTo(1);
		// a session's check-in has the same kind, and a session may have the point's id
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'CHECKED_IN' and subject_type = 'LEARNING_POINT'"
				+ " and subject_id = :point")
			.param("point", String.valueOf(point)).query(Integer.class).single()).isEqualTo(1);
	}

	/**
	 * One member scanning twelve points at once while the host records them at a session: every
	 * scan reads where the member stands after the others it waited for (on PostgreSQL the
	 * one-statement scan reads again when its snapshot is older than the lock), so the counts
	 * answered run 1 to 12 without a gap or a double, and the plan is met exactly once.
	 */
	@Test
	void concurrentScansAtManyPointsAndAnAttendanceListCountExactly() throws Exception {
		long nanan = unitId("500108");
		String street = Api.uniqueCode("S");
		long streetId = createUnit(street, nanan, "STREET");
		String username = (street + "m").toLowerCase();
		long account = openMember(username, street);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long plan = api.post(admin, "/api/v1/learning/plans", Api.json("title", "three a month", "unitId", streetId,
				"periodStart", today.withDayOfMonth(1).toString(), "periodEnd",
				today.withDayOfMonth(today.lengthOfMonth()).toString(), "requiredCount", 3)).json().path("id").asLong();
		long session = session(streetId, plan);
		List<Long> points = new ArrayList<>();
		List<Map<String, String>> codes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			points.add(point(street, false));
			codes.add(code(points.get(i)));
		}
		String member = api.token(username, PASSWORD);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(13);
		List<Future<Api.Reply>> scans = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			int n = i;
			scans.add(pool.submit(() -> {
				start.await();
				return api.post(member, "/api/v1/learning/points/" + points.get(n) + "/check-in",
						Api.json("k", Long.parseLong(codes.get(n).get("k")), "s", codes.get(n).get("s")));
			}));
		}
		Future<?> list = pool.submit(() -> {
			start.await();
			attend(session, account);
			return null;
		});
		start.countDown();
		List<Integer> done = new ArrayList<>();
		for (Future<Api.Reply> scan : scans) {
			Api.Reply reply = scan.get();
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.json().path("already").asBoolean()).isFalse();
			reply.json().path("progress").forEach(progress -> {
				if (progress.path("plan").path("id").asLong() == plan) {
					done.add(progress.path("done").asInt());
				}
			});
		}
		list.get();
		pool.shutdown();

		assertThat(jdbc.sql("select count(*) from check_in where account_id = :id").param("id", account)
			.query(Integer.class).single()).isEqualTo(13);
		// twelve distinct counts out of 1..13: the attendance list took the one missing
		assertThat(done).hasSize(12).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(1, 13));
		JsonNode coverage = api.get(admin, "/api/v1/learning/plans/" + plan + "/coverage?unitId=" + streetId).json();
		assertThat(counts(coverage.path("total"))).containsExactly(1, 1);
	}

	@Test
	void aForgedTamperedOrExpiredCodeIsRefusedWithAClearPage() throws Exception {
		long point = point("500108002001", false);
		Map<String, String> code = code(point);
		PageClient member = new PageClient(port);
		member.signIn("member.li", Api.DEMO_PASSWORD);
		String good = "/learn/points/" + point + "/check-in?k=" + code.get("k") + "&s=" + code.get("s");
		assertThat(member.get(good).body()).contains("id=\"check-in-form\"");

		var tampered = member.get("/learn/points/" + point + "/check-in?k=" + code.get("k") + "&s=" + code.get("s").replace(code.get("s").charAt(0), code.get("s").charAt(0) == 'A' ? 'B' : 'A'));
		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(tampered.body()).contains("二维码无效");
		var otherPoint = member.get("/learn/points/" + (point + 1_000_000) + "/check-in?k=" + code.get("k") + "&s=" + code.get("s"));
		assertThat(otherPoint.statusCode()).isIn(400, 404);
		var unknownKey = member.get("/learn/points/" + point + "/check-in?k=999999&s=" + code.get("s"));
		assertThat(unknownKey.statusCode()).isEqualTo(400);
		// the POST is checked too, so a forged form cannot check anyone in
		var forgedPost = member.submit(good, "/learn/points/" + point + "/check-in", "k=" + code.get("k") + "&s=forged");
		assertThat(forgedPost.statusCode()).isEqualTo(400);

		// the key is replaced, and the replacement is older than the grace period: the old code is dead
		long key = Long.parseLong(code.get("k"));
		jdbc.sql("update qr_key set created_at = :at where id = :id")
			.param("at", Times.utc(Instant.now().minus(Duration.ofDays(40)))).param("id", key).update();
		jdbc.sql("insert into qr_key (secret, created_at) values ('0123456789abcdef0123456789abcdef', :at)")
			.param("at", Times.utc(Instant.now().minus(Duration.ofDays(8)))).update();
		// as another node's rotation: seen within grassroots.learning.qr-refresh, here at once
		signer.refresh();
		var expired = member.get(good);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(expired.body()).contains("二维码已过期");
		assertThat(jdbc.sql("select count(*) from check_in where point_id = :point").param("point", point)
			.query(Integer.class).single()).isZero();
		// a fresh code works again
		Map<String, String> fresh = code(point);
		assertThat(fresh.get("k")).isNotEqualTo(code.get("k"));
		assertThat(member.get("/learn/points/" + point + "/check-in?k=" + fresh.get("k") + "&s=" + fresh.get("s")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aMemberOfAnotherDistrictCannotCheckInAtARestrictedNananPoint() {
		long restricted = point("500108002001", true);
		long open = point("500108002", false);
		String yuzhong = api.token("yuzhong.admin");
		String username = Api.uniqueCode("yz.");
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "渝中党员",
				"unitCode", "500103901001", "roles", List.of(Map.of("role", "PARTY_MEMBER")), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String member = api.token(username, PASSWORD);
		Map<String, String> code = code(restricted);
		Api.Reply refused = api.post(member, "/api/v1/learning/points/" + restricted + "/check-in",
				Api.json("k", Long.parseLong(code.get("k")), "s", code.get("s")));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("detail")).contains("its own district");
		Map<String, String> openCode = code(open);
		assertThat(api.post(member, "/api/v1/learning/points/" + open + "/check-in",
				Api.json("k", Long.parseLong(openCode.get("k")), "s", openCode.get("s"))).status()).isEqualTo(200);
		// and Yuzhong's administrators do not see Nan'an's points
		assertThat(api.get(yuzhong, "/api/v1/learning/points/" + restricted + "/qr").status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/learning/points").body()).doesNotContain("\"id\":" + restricted + ",");
	}

	@Test
	void aKeyMadeOnAnotherNodeSignsCodesThisNodeAcceptsAtOnce() throws Exception {
		long point = point("500108002001", false);
		code(point); // this node has read its keys
		// another node rotates: its key reaches this node only through the database
		String secret = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32));
		jdbc.sql("insert into qr_key (secret, created_at) values (:secret, :at)").param("secret", secret)
			.param("at", Times.utc(Instant.now())).update();
		long key = jdbc.sql("select id from qr_key where secret = :secret").param("secret", secret).query(Long.class).single();
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal(("P:" + point).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 22);

		Api.Reply done = api.post(api.token("member.li"), "/api/v1/learning/points/" + point + "/check-in",
				Api.json("k", key, "s", signature));

		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("already").asBoolean()).isFalse();
		// and a forged signature under that key is still refused
		assertThat(api.post(api.token("member.li"), "/api/v1/learning/points/" + point + "/check-in",
				Api.json("k", key, "s", "A".repeat(22))).status()).isEqualTo(400);
	}

	@Test
	void pointsNearShowOnlyWhatTheListShowsPlusAMembersOwnDistrict() {
		long nanan = point("500108002001", true);
		String city = api.token("city.admin");
		Api.Reply created = api.post(city, "/api/v1/learning/points", Api.json("name", Api.uniqueCode("万州点 "), "kind",
				"CHECK_IN_POINT", "unitId", unitId("500101"), "restricted", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long wanzhou = created.json().path("id").asLong();

		// the steering group is assigned Nan'an and Yuzhong, and sits at the city unit
		String steering = api.token("steering.group");
		List<Long> near = ids(api.get(steering, "/api/v1/learning/points/near"));
		List<Long> list = ids(api.get(steering, "/api/v1/learning/points"));
		assertThat(list).contains(nanan).doesNotContain(wanzhou);
		assertThat(near).contains(nanan).doesNotContain(wanzhou);
		assertThat(list).containsAll(near);
		// a member sees every point of their district, restricted or not, and nothing of Wanzhou
		assertThat(ids(api.get(api.token("member.li"), "/api/v1/learning/points/near"))).contains(nanan)
			.doesNotContain(wanzhou);
		// another district sees neither
		assertThat(ids(api.get(api.token("yuzhong.admin"), "/api/v1/learning/points/near"))).doesNotContain(nanan, wanzhou);
		assertThat(ids(api.get(city, "/api/v1/learning/points/near"))).contains(nanan, wanzhou);
	}

	private static List<Long> ids(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		reply.json().forEach(point -> ids.add(point.path("id").asLong()));
		return ids;
	}

	@Test
	void aMemberImportChecksEveryLineAndImportsAllOrNothing() {
		String prefix = Api.uniqueCode("m").toLowerCase();
		int before = jdbc.sql("select count(*) from learning_member").query(Integer.class).single();
		String bad = String.join("\n", "username,display_name,unit_code,phone", prefix + "a,甲,500108002001,13800000000",
				"Bad Name,乙,500108002001", prefix + "a,丙,500108002001", "member.li,丁,500108002001", prefix + "e,戊,500103901001",
				prefix + "f,己,NOWHERE", prefix + "g,庚,500108002001,123", "just,two");
		Api.Reply refused = api.postCsv(admin, "/api/v1/learning/members/import", bad);
		assertThat(refused.status()).isEqualTo(400);
		List<Integer> lines = new ArrayList<>();
		refused.json().path("errors").forEach(error -> lines.add(error.path("line").asInt()));
		assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8, 9);
		assertThat(jdbc.sql("select count(*) from learning_member").query(Integer.class).single()).isEqualTo(before);

		Api.Reply imported = api.postCsv(admin, "/api/v1/learning/members/import",
				prefix + "a,甲,500108002001,13800000000\n" + prefix + "b,乙,500108002002\n");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json()).hasSize(2);
		assertThat(imported.json().get(0).path("oneTimePassword").asString()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(jdbc.sql("select count(*) from learning_member").query(Integer.class).single()).isEqualTo(before + 2);
		assertThat(api.postCsv(api.token("member.li"), "/api/v1/learning/members/import", prefix + "z,x,500108002001").status())
			.isEqualTo(403);
	}

	@Test
	void theCoverageExportHoldsBothSheetsAndASessionRaisesAProblem() throws Exception {
		long plan = api.get(admin, "/api/v1/learning/plans").json().get(0).path("id").asLong();
		Api.Download xlsx = api.download(admin, "/api/v1/learning/plans/" + plan + "/coverage.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isNotBlank();
		}
		long session = api.get(admin, "/api/v1/learning/sessions").json().get(0).path("id").asLong();
		Api.Reply raised = api.post(admin, "/api/v1/learning/sessions/" + session + "/problems",
				Api.json("title", "研讨中发现：学习资料不足", "description", "社区学习点缺少最新读本", "categoryCode", "OTHER"));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		assertThat(raised.text("source")).isEqualTo("STUDY");
	}

	@Test
	void aPointHasAQrCodeThatDecodesToItsSignedUrlAndAPrintablePoster() throws Exception {
		long point = point("500108002", false);
		PageClient pages = new PageClient(port);
		pages.signIn("nanan.admin", Api.DEMO_PASSWORD);
		var png = pages.bytes("/learning/points/" + point + "/qr.png");
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		String url = QrImagesTests.decode(png.body());
		assertThat(url).contains("/learn/points/" + point + "/check-in?k=").contains("&s=");
		var pdf = pages.bytes("/learning/points/" + point + "/poster.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// another district's administrator gets neither
		PageClient yuzhong = new PageClient(port);
		yuzhong.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(yuzhong.bytes("/learning/points/" + point + "/qr.png").statusCode()).isEqualTo(404);
		assertThat(yuzhong.bytes("/learning/points/" + point + "/poster.pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void theHostMarksAttendanceFromItsListOnThePage() throws Exception {
		long street = unitId("500108002");
		long session = session(street, api.get(admin, "/api/v1/learning/plans").json().get(0).path("id").asLong());
		long memberLi = jdbc.sql("select account_id from learning_member where username = 'member.li'").query(Long.class).single();
		PageClient pages = new PageClient(port);
		pages.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(pages.get("/learning/sessions").body()).contains("att-" + session + "-" + memberLi);
		var marked = pages.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance", "accountIds=" + memberLi);
		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(pages.get("/learning/sessions").body()).contains("已记录 1 人出席");
		assertThat(jdbc.sql("select count(*) from check_in where session_id = :id").param("id", session).query(Integer.class)
			.single()).isEqualTo(1);
		// marking again adds nothing
		pages.submit("/learning/sessions", "/learning/sessions/" + session + "/attendance", "accountIds=" + memberLi);
		assertThat(jdbc.sql("select count(*) from check_in where session_id = :id").param("id", session).query(Integer.class)
			.single()).isEqualTo(1);
	}

	private long point(String unitCode, boolean restricted) {
		Api.Reply created = api.post(admin, "/api/v1/learning/points", Api.json("name", Api.uniqueCode("点 "), "kind",
				"CHECK_IN_POINT", "unitId", unitId(unitCode), "restricted", restricted));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private Map<String, String> code(long point) {
		String url = api.get(admin, "/api/v1/learning/points/" + point + "/qr").text("url");
		Map<String, String> query = new HashMap<>();
		for (String pair : URI.create(url).getQuery().split("&")) {
			String[] keyAndValue = pair.split("=", 2);
			query.put(keyAndValue[0], keyAndValue[1]);
		}
		return query;
	}

	private long session(long hostUnitId, long plan) {
		Api.Reply created = api.post(admin, "/api/v1/learning/sessions", Api.json("planId", plan, "kind", "SEMINAR", "topic",
				"研讨", "speaker", "书记", "place", "会议室", "hostUnitId", hostUnitId, "startsAt", Instant.now().toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void attend(long session, Long... accountIds) {
		Api.Reply reply = api.post(admin, "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", List.of(accountIds)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private long openMember(String username, String unitCode) {
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", username,
				"unitCode", unitCode, "roles", List.of(Map.of("role", "PARTY_MEMBER")), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().path("account").path("id").asLong();
	}

	private long createUnit(String code, long parentId, String level) {
		Api.Reply created = api.post(admin, "/api/v1/units", Api.json("code", code, "parentId", parentId, "nameZh", code,
				"level", level));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long unitId(String code) {
		return api.get(api.token("city.admin"), "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

	private static List<Integer> counts(JsonNode row) {
		return List.of(row.path("members").asInt(), row.path("met").asInt());
	}

	private static Map<String, List<Integer>> rows(JsonNode coverage) {
		Map<String, List<Integer>> rows = new HashMap<>();
		coverage.path("rows").forEach(row -> rows.put(row.path("unitCode").asString(), counts(row)));
		return rows;
	}

}
