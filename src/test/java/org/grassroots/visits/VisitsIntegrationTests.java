package org.grassroots.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;

/**
 * Visits through the real API on the real database, in Yuzhong (渝中区) so that no Nan'an list the
 * browser tests read gets a problem: yuzhong.cadre visits Jiefangbei street and collects problems,
 * publishes reception days; Nan'an's people are refused; bad input writes nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class VisitsIntegrationTests {

	static final String STREET = "500103901";

	static final String COMMUNITY = "500103901001";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<CampaignFacts> facts;

	@Autowired
	VisitManagement visits;

	@Autowired
	UserDetailsService users;

	Api api;

	final Map<String, String> tokens = new HashMap<>();

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	String token(String username) {
		return tokens.computeIfAbsent(username, api::token);
	}

	static LocalDate today() {
		return LocalDate.now(Times.ZONE);
	}

	@Test
	void aVisitCollectsThreeProblemsAndTheOneSolvedOnTheSpotClosesOnlyWhenBothSidesRecognize() {
		// given yuzhong.cadre on an on-site office visit at Jiefangbei street collecting three problems, one solved there
		String tag = Api.uniqueCode("visit ");
		Api.Reply logged = api.post(token("yuzhong.cadre"), "/api/v1/visits", Api.json("kind", "ON_SITE_OFFICE", "visitDate",
				today().toString(), "place", "解放碑步行街管理办公室", "unitCode", STREET, "peopleMet", "商户代表 3 人", "discussed",
				"商圈秩序 " + tag, "problems", List.of(
						problem(tag + " A", "PARKING", false, null), problem(tag + " B", "OTHER", false, null),
						problem(tag + " C", "ELDERLY_CARE", true, "当场协调社区食堂增加送餐"))));
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		long visitId = logged.json().path("visit").path("id").asLong();
		JsonNode collected = logged.json().path("problems");
		assertThat(collected).hasSize(3);
		long a = idOf(collected, tag + " A");
		long b = idOf(collected, tag + " B");
		long c = idOf(collected, tag + " C");
		assertThat(logged.json().path("solvedOnSpot").get(0).asLong()).isEqualTo(c);

		// then every problem comes from the visit, raised by the cadre's district at the visited street, linked to the visit
		for (long id : List.of(a, b, c)) {
			JsonNode detail = api.get(token("yuzhong.admin"), "/api/v1/problems/" + id).json();
			JsonNode problem = detail.path("problem");
			assertThat(problem.path("source").asString()).isEqualTo("VISIT");
			assertThat(problem.path("raisingUnitPath").asString()).isEqualTo("/500000/500103/");
			assertThat(problem.path("handlingUnitPath").asString()).isEqualTo("/500000/500103/500103901/");
			assertThat(detail.path("origin").path("kind").asString()).isEqualTo("VISIT");
			assertThat(detail.path("origin").path("id").asLong()).isEqualTo(visitId);
			assertThat(detail.path("origin").path("label").asString()).contains("现场办公");
		}
		assertThat(state(a)).isEqualTo("REPORTED");
		assertThat(state(b)).isEqualTo("REPORTED");
		assertThat(state(c)).isEqualTo("SUBMITTED");
		JsonNode onSpot = api.get(token("yuzhong.admin"), "/api/v1/problems/" + c).json();
		assertThat(onSpot.path("problem").path("measures").asString()).isEqualTo("当场协调社区食堂增加送餐");
		assertThat(onSpot.path("problem").path("raisingSidePath").asString()).isEqualTo("/500000/500103/");
		assertThat(onSpot.path("problem").path("responsibleSidePath").asString()).isEqualTo("/500000/500103/500103901/");
		List<String> steps = new ArrayList<>();
		onSpot.path("timeline").forEach(entry -> steps.add(entry.path("action").asString()));
		assertThat(steps).containsExactly("REPORT", "START", "SUBMIT");

		// the handed-over problems wait in the visited street's queue; the one solved on the spot in both sides' queues
		assertThat(queue("jiefangbei.worker")).contains(a, b, c);
		assertThat(queue("yuzhong.admin")).contains(c).doesNotContain(a, b);

		// the visit counts three collected, one solved on the spot, none solved later yet
		JsonNode visit = visit("yuzhong.admin", visitId);
		assertThat(visit.path("problemsCollected").asInt()).isEqualTo(3);
		assertThat(visit.path("solvedOnSpot").asInt()).isEqualTo(1);
		assertThat(visit.path("solvedLater").asInt()).isZero();

		// the on-spot one: the street recognizes for the responsible side, it stays submitted; the district closes it
		ok("jiefangbei.worker", c, "recognize");
		assertThat(state(c)).isEqualTo("SUBMITTED");
		assertThat(command("jiefangbei.worker", c, "recognize").status()).isEqualTo(409);
		ok("yuzhong.admin", c, "recognize");
		assertThat(state(c)).isEqualTo("CLOSED");

		// problem A goes the normal way and closes later: the visit's count of problems solved later follows
		ok("jiefangbei.worker", a, "accept");
		ok("jiefangbei.worker", a, "assign", "unitId", unitId(STREET), "person", "赵工作人员");
		ok("jiefangbei.worker", a, "plan", "measures", "划定临时停车位");
		ok("jiefangbei.worker", a, "submit", "evidence", "已划线");
		recognizeUntilClosed(a);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> visit("yuzhong.admin", visitId).path("solvedLater").asInt() == 1);
		JsonNode counted = visit("yuzhong.admin", visitId);
		assertThat(counted.path("version").asInt()).isPositive();

		// the dashboard's rebuild reads the same figures: at the visited street, in the visit's month
		Map<String, Integer> figures = figures(visitId);
		assertThat(figures).containsEntry("VISITS", 1)
			.containsEntry("VISITS_ON_SITE_OFFICE", 1)
			.containsEntry("VISIT_PROBLEMS", 3)
			.containsEntry("VISIT_SOLVED_ON_SPOT", 1)
			.containsEntry("VISIT_SOLVED_LATER", 1);

		// the per-cadre summary and the export see it too
		Api.Reply summary = api.get(token("yuzhong.admin"), "/api/v1/visits/summary?month=" + today().toString().substring(0, 7));
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.body()).contains("渝中区 王领导干部");
		Api.Download export = api.download(token("yuzhong.admin"), "/api/v1/visits/export.xlsx?kind=ON_SITE_OFFICE");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.bytes()).startsWith((byte) 'P', (byte) 'K');

		// leave nothing open: the street declines B (it was for the city management office)
		ok("jiefangbei.worker", b, "decline", "note", "已转城管部门");
	}

	@Test
	void aVisitPublishesItsFiguresInTheSameTransaction(ApplicationEvents events) {
		// when a cadre logs a visit through the facade
		CurrentUser cadre = (CurrentUser) users.loadUserByUsername("yuzhong.cadre");
		Visit visit = visits.log(new VisitCommands.NewVisit("RESEARCH", today().minusDays(1), "解放碑社区", COMMUNITY, null,
				Api.uniqueCode("调研 "), null), List.of(), cadre);

		// then the figures of the visit are published with its version, at the visited community and the visit's month
		List<CampaignFigures> published = events.stream(CampaignFigures.class)
			.filter(figures -> figures.itemKey().equals("VISIT:" + visit.id()))
			.toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).version()).isEqualTo(visit.version());
		assertThat(published.get(0).counts()).contains(
				new CampaignFigures.Count("/500000/500103/500103901/500103901001/", CampaignFigures.monthKey(visit.visitDate()),
						"VISITS_RESEARCH", 1),
				new CampaignFigures.Count("/500000/500103/500103901/500103901001/", CampaignFigures.monthKey(visit.visitDate()),
						"VISITS", 1));
		assertThat(events.stream(VisitLogged.class).filter(logged -> logged.visit().id() == visit.id())).hasSize(1);
	}

	@Test
	void theReceptionDayPageListsTheComingDaysOfACommunityAndTheUnitsAboveIt() throws Exception {
		String tag = Api.uniqueCode("");
		long district = publish("500103", "渝中区信访接待中心 " + tag, today().plusDays(3));
		long street = publish(STREET, "解放碑街道便民服务中心 " + tag, today().plusDays(4));
		long community = publish(COMMUNITY, "解放碑社区居委会 " + tag, today());
		long cancelled = publish(COMMUNITY, "取消的接访 " + tag, today().plusDays(2));
		long otherStreet = publish("500103902", "另一个街道 " + tag, today().plusDays(2));
		JsonNode day = api.get(token("yuzhong.cadre"), "/api/v1/visits/reception-days").json();
		int version = -1;
		for (JsonNode each : day) {
			if (each.path("id").asLong() == cancelled) {
				version = each.path("version").asInt();
			}
		}
		Api.Reply cancel = api.post(token("yuzhong.cadre"), "/api/v1/visits/reception-days/" + cancelled + "/cancel",
				Api.json("version", version, "reason", "改期"));
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
		assertThat(api.post(token("yuzhong.cadre"), "/api/v1/visits/reception-days/" + cancelled + "/cancel",
				Api.json("version", version, "reason", "again")).status()).isEqualTo(409);
		// a past day, as it would be a week after it was published
		long past = publish(COMMUNITY, "过去的接访 " + tag, today().plusDays(1));
		jdbc.sql("update reception_day set reception_date = :day where id = :id")
			.param("day", today().minusDays(1))
			.param("id", past)
			.update();

		// the public list for the community (no account) holds its own, its street's and its district's coming days
		Api.Reply listed = api.get(null, "/api/v1/public/reception-days?unit=" + COMMUNITY);
		assertThat(listed.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		listed.json().forEach(each -> ids.add(each.path("id").asLong()));
		assertThat(ids).contains(district, street, community).doesNotContain(cancelled, otherStreet, past);
		assertThat(listed.body()).doesNotContain("过去的接访 " + tag).doesNotContain("cadreAccountId");

		// the public page says the same, in Chinese by default
		PageClient visitor = new PageClient(port);
		var page = visitor.get("/reception-days?unit=" + COMMUNITY);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("渝中区信访接待中心 " + tag, "解放碑社区居委会 " + tag, "领导干部接访日")
			.doesNotContain("取消的接访 " + tag, "过去的接访 " + tag, "另一个街道 " + tag);
		assertThat(visitor.get("/reception-days").statusCode()).isEqualTo(200);
		// a signed-in resident starts from their own community, with their street's and district's days
		PageClient resident = new PageClient(port);
		resident.signIn("resident.wang", Api.DEMO_PASSWORD);
		String nanhu = api.get(token("city.admin"), "/api/v1/units/by-code/500108002001").json().path("nameZh").asString();
		assertThat(resident.get("/reception-days").body()).contains("id=\"reception-unit\"").contains(nanhu);
		assertThat(api.get(null, "/api/v1/public/reception-days?unit=nope").status()).isEqualTo(404);

		// a day in the past, or one that ends before it starts, is refused
		assertThat(api.post(token("yuzhong.cadre"), "/api/v1/visits/reception-days", receptionDay(COMMUNITY, "x",
				today().minusDays(1), LocalTime.of(9, 0), LocalTime.of(10, 0))).status()).isEqualTo(400);
		Api.Reply backwards = api.post(token("yuzhong.cadre"), "/api/v1/visits/reception-days", receptionDay(COMMUNITY, "x",
				today().plusDays(1), LocalTime.of(11, 0), LocalTime.of(10, 0)));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("end time must be after");
	}

	@Test
	void anotherDistrictsPeopleAreRefused() throws Exception {
		long visitId = api.post(token("yuzhong.cadre"), "/api/v1/visits", Api.json("kind", "PUBLICITY", "visitDate",
				today().toString(), "place", "解放碑街道会议室", "unitCode", STREET, "discussed", Api.uniqueCode("宣讲 ")))
			.json()
			.path("visit")
			.path("id")
			.asLong();
		long dayId = publish(STREET, Api.uniqueCode("接访 "), today().plusDays(6));

		// reading: Nan'an's office and cadre do not see the Yuzhong visit, its photos or its reception days
		assertThat(api.get(token("nanan.admin"), "/api/v1/visits/" + visitId).status()).isEqualTo(404);
		assertThat(api.get(token("nanan.cadre"), "/api/v1/visits/" + visitId).status()).isEqualTo(404);
		assertThat(api.get(token("nanan.admin"), "/api/v1/visits/" + visitId + "/photos/1").status()).isEqualTo(404);
		assertThat(api.get(token("nanan.admin"), "/api/v1/visits?month=" + today().toString().substring(0, 7)).body())
			.doesNotContain("\"id\":" + visitId + ",");
		assertThat(api.get(token("nanan.admin"), "/api/v1/visits/reception-days").body()).doesNotContain("\"id\":" + dayId + ",");
		assertThat(api.get(token("nanan.admin"), "/api/v1/visits?unit=" + STREET).status()).isEqualTo(404);
		assertThat(new PageClient(port).get("/visits/" + visitId).statusCode()).isIn(302, 401, 403);

		// writing: a Nan'an cadre cannot log a visit in Yuzhong or cancel its day; nothing is written
		long before = visitCount();
		Api.Reply outside = api.post(token("nanan.cadre"), "/api/v1/visits", Api.json("kind", "RESEARCH", "visitDate",
				today().toString(), "place", "解放碑", "unitCode", STREET, "discussed", "越界",
				"problems", List.of(problem(Api.uniqueCode("越界 "), "OTHER", false, null))));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("not in your data scope");
		assertThat(visitCount()).isEqualTo(before);
		assertThat(api.post(token("nanan.cadre"), "/api/v1/visits/reception-days/" + dayId + "/cancel",
				Api.json("version", 0)).status()).isEqualTo(404);
		assertThat(api.post(token("nanan.cadre"), "/api/v1/visits/reception-days", receptionDay(STREET, "x",
				today().plusDays(1), LocalTime.of(9, 0), LocalTime.of(10, 0))).status()).isEqualTo(400);

		// a caseworker of Yuzhong itself is no leading cadre: it may read, not log
		assertThat(api.get(token("jiefangbei.worker"), "/api/v1/visits/" + visitId).status()).isEqualTo(200);
		assertThat(api.post(token("jiefangbei.worker"), "/api/v1/visits", Api.json("kind", "RESEARCH", "visitDate",
				today().toString(), "place", "x", "unitCode", STREET, "discussed", "x")).status()).isEqualTo(403);
		// residents and members get nothing
		assertThat(api.get(token("resident.wang"), "/api/v1/visits/" + visitId).status()).isIn(403, 404);
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndNothingWritten() {
		String tag = Api.uniqueCode("bad ");
		long visitsBefore = visitCount();
		long problemsBefore = problemCount(tag);

		Api.Reply kind = log("PICNIC", today(), STREET, List.of(problem(tag + " 1", "OTHER", false, null)));
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.body()).contains("Kind of visit", "PICNIC");

		Api.Reply future = log("RESEARCH", today().plusDays(1), STREET, List.of(problem(tag + " 2", "OTHER", false, null)));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("has not come yet");

		Api.Reply unknownUnit = log("RESEARCH", today(), "999999999", List.of());
		assertThat(unknownUnit.status()).isEqualTo(400);

		// one bad row among good ones refuses the whole visit: no visit and none of its problems
		Api.Reply noMeasures = log("ON_SITE_OFFICE", today(), STREET, List.of(problem(tag + " 3", "OTHER", false, null),
				problem(tag + " 4", "PARKING", false, null), problem(tag + " 5", "OTHER", true, " ")));
		assertThat(noMeasures.status()).isEqualTo(400);
		assertThat(noMeasures.body()).contains("Problem 3", "solved on the spot");

		Api.Reply category = log("RESEARCH", today(), STREET, List.of(problem(tag + " 6", "NO_SUCH_CATEGORY", false, null)));
		assertThat(category.status()).isEqualTo(400);

		Api.Reply blank = api.post(token("yuzhong.cadre"), "/api/v1/visits", Api.json("kind", "RESEARCH", "visitDate",
				today().toString(), "place", "", "unitCode", STREET, "discussed", "x"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("Place");

		assertThat(visitCount()).isEqualTo(visitsBefore);
		assertThat(problemCount(tag)).isEqualTo(problemsBefore);

		// a stale version of the visit is refused when adding a photo
		Api.Reply ok = log("RESEARCH", today(), STREET, List.of());
		long id = ok.json().path("visit").path("id").asLong();
		Api.Reply photo = api.upload(token("yuzhong.cadre"), "/api/v1/visits/" + id + "/photos?version=7", "p.png", PNG);
		assertThat(photo.status()).isEqualTo(409);
		Api.Reply added = api.upload(token("yuzhong.cadre"), "/api/v1/visits/" + id + "/photos?version=0", "p.png", PNG);
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().path("version").asInt()).isEqualTo(1);
		assertThat(api.upload(token("yuzhong.cadre"), "/api/v1/visits/" + id + "/photos?version=1", "p.txt",
				"plain text".getBytes()).status()).isEqualTo(400);
	}

	@Test
	void thePagesShowTheLogAndARefusedFormComesBackAsTyped() throws Exception {
		long id = log("PETITION_RECEPTION", today(), STREET, List.of()).json().path("visit").path("id").asLong();
		PageClient admin = new PageClient(port);
		admin.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		for (String page : List.of("/visits", "/visits?kind=RESEARCH&month=" + today().toString().substring(0, 7),
				"/visits/summary", "/visits/" + id, "/visits/reception-days")) {
			var answer = admin.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
			assertThat(answer.body()).as(page).doesNotContain("PETITION_RECEPTION</").doesNotContain("??");
		}
		assertThat(admin.get("/visits/summary").body()).contains("渝中区 王领导干部", "信访接待");
		assertThat(admin.get("/visits/summary?unit=" + STREET).body()).contains("渝中区 王领导干部");
		assertThat(admin.get("/visits/summary?unit=500103902").body()).doesNotContain("data-cadre=");
		assertThat(admin.bytes("/visits/export.xlsx").statusCode()).isEqualTo(200);
		// a bad filter is said on the page, not as an error page
		assertThat(admin.get("/visits?kind=PICNIC").body()).contains("PICNIC").contains("id=\"error\"");
		// only cadres log visits
		assertThat(admin.get("/visits/new").statusCode()).isEqualTo(403);

		PageClient cadre = new PageClient(port);
		cadre.signIn("yuzhong.cadre", Api.DEMO_PASSWORD);
		assertThat(cadre.get("/visits/new").statusCode()).isEqualTo(200);
		long before = visitCount();
		String place = Api.uniqueCode("未来的地点 ");
		var refused = cadre.submit("/visits/new", "/visits", "kind=RESEARCH&visitDate=" + today().plusDays(2) + "&unit=" + STREET
				+ "&place=" + PageClient.encode(place) + "&discussed=x&problemTitle=" + PageClient.encode("一个问题")
				+ "&problemCategory=OTHER&problemDescription=x&problemHandling=LATER&problemMeasures=");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"error\"", place, "一个问题");
		assertThat(visitCount()).isEqualTo(before);
		var saved = cadre.submit("/visits/new", "/visits", "kind=RESEARCH&visitDate=" + today() + "&unit=" + STREET
				+ "&place=" + PageClient.encode(place) + "&discussed=x&problemTitle=&problemCategory=OTHER&problemDescription="
				+ "&problemHandling=LATER&problemMeasures=");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(visitCount()).isEqualTo(before + 1);
	}

	@Test
	void aVisitAndAReceptionDayFollowTheirUnitWhenItMoves() {
		// given a new community under Jiefangbei street with a visit and a reception day
		String code = Api.uniqueCode("VC");
		Api.Reply created = api.post(token("yuzhong.admin"), "/api/v1/units", Api.json("code", code, "parentId", unitId(STREET),
				"nameZh", "测试社区 " + code, "level", "COMMUNITY"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long unit = created.json().path("id").asLong();
		long visitId = log("RESEARCH", today(), code, List.of()).json().path("visit").path("id").asLong();
		long dayId = publish(code, "测试社区居委会 " + code, today().plusDays(2));

		// when the community moves to Qixinggang street
		Api.Reply moved = api.post(token("yuzhong.admin"), "/api/v1/units/" + unit + "/move",
				Api.json("parentId", unitId("500103902"), "version", created.json().path("version").asInt()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		// then the visit and the day are found under the new street
		assertThat(visit("yuzhong.admin", visitId).path("unitPath").asString())
			.isEqualTo("/500000/500103/500103902/" + code + "/");
		assertThat(api.get(null, "/api/v1/public/reception-days?unit=" + code).body()).contains("\"id\":" + dayId + ",");
		assertThat(api.get(token("yuzhong.admin"), "/api/v1/visits?unit=500103902").body()).contains("\"id\":" + visitId + ",");
	}

	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	Api.Reply log(String kind, LocalDate date, String unitCode, List<Map<String, Object>> problems) {
		return api.post(token("yuzhong.cadre"), "/api/v1/visits", Api.json("kind", kind, "visitDate", date.toString(),
				"place", "解放碑", "unitCode", unitCode, "discussed", "x", "problems", problems));
	}

	static Map<String, Object> problem(String title, String category, boolean onSpot, String measures) {
		Map<String, Object> problem = new HashMap<>();
		problem.put("title", title);
		problem.put("categoryCode", category);
		problem.put("description", "visit: " + title);
		if (onSpot) {
			// left out otherwise: a problem handed to the visited unit is the default
			problem.put("solvedOnSpot", true);
		}
		problem.put("measures", measures);
		return problem;
	}

	long publish(String unitCode, String address, LocalDate date) {
		Api.Reply reply = api.post(token("yuzhong.cadre"), "/api/v1/visits/reception-days",
				receptionDay(unitCode, address, date, LocalTime.of(9, 0), LocalTime.of(11, 0)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("id").asLong();
	}

	static String receptionDay(String unitCode, String address, LocalDate date, LocalTime starts, LocalTime ends) {
		return Api.json("cadreTitle", "区委常委", "unitCode", unitCode, "address", address, "receptionDate", date.toString(),
				"startsAt", starts.toString(), "endsAt", ends.toString(), "topics", "就业");
	}

	JsonNode visit(String username, long id) {
		Api.Reply reply = api.get(token(username), "/api/v1/visits/" + id);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("visit");
	}

	long idOf(JsonNode problems, String title) {
		for (JsonNode problem : problems) {
			if (problem.path("title").asString().equals(title)) {
				return problem.path("id").asLong();
			}
		}
		throw new AssertionError("no problem " + title + " in " + problems);
	}

	String state(long id) {
		return api.get(token("city.admin"), "/api/v1/problems/" + id).json().path("problem").path("state").asString();
	}

	long unitId(String code) {
		return api.get(token("city.admin"), "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

	/** Every problem in the person's unit's work queue, page by page. */
	List<Long> queue(String username) {
		List<Long> ids = new ArrayList<>();
		for (int page = 0; page < 50; page++) {
			JsonNode items = api.get(token(username), "/api/v1/problems/queue?page=" + page).json().path("items");
			if (items.isEmpty()) {
				break;
			}
			items.forEach(item -> ids.add(item.path("id").asLong()));
		}
		return ids;
	}

	Api.Reply command(String username, long id, String action, Object... fields) {
		Object[] all = new Object[fields.length + 2];
		all[0] = "version";
		all[1] = api.get(token("city.admin"), "/api/v1/problems/" + id).json().path("problem").path("version").asInt();
		System.arraycopy(fields, 0, all, 2, fields.length);
		return api.post(token(username), "/api/v1/problems/" + id + "/" + action, Api.json(all));
	}

	void ok(String username, long id, String action, Object... fields) {
		Api.Reply reply = command(username, id, action, fields);
		assertThat(reply.status()).as(action + " by " + username + ": " + reply.body()).isEqualTo(200);
	}

	/** Whoever holds a side recognizes until the problem is closed, as the permission table lets each. */
	void recognizeUntilClosed(long id) {
		for (String username : List.of("jiefangbei.worker", "yuzhong.admin")) {
			JsonNode detail = api.get(token(username), "/api/v1/problems/" + id).json();
			boolean may = false;
			for (JsonNode action : detail.path("allowed")) {
				may |= action.asString().equals("RECOGNIZE");
			}
			if (may && state(id).equals("SUBMITTED")) {
				ok(username, id, "recognize");
			}
		}
		assertThat(state(id)).isEqualTo("CLOSED");
	}

	Map<String, Integer> figures(long visitId) {
		Map<String, Integer> found = new HashMap<>();
		for (CampaignFacts each : facts) {
			each.forEach(figures -> {
				if (figures.itemKey().equals("VISIT:" + visitId)) {
					figures.counts().forEach(count -> {
						assertThat(count.unitPath()).isEqualTo("/500000/500103/500103901/");
						assertThat(count.monthKey()).isEqualTo(CampaignFigures.monthKey(today()));
						found.put(count.measure(), count.amount());
					});
				}
			});
		}
		return found;
	}

	long visitCount() {
		return jdbc.sql("select count(*) from visit").query(Long.class).single();
	}

	long problemCount(String tag) {
		return jdbc.sql("select count(*) from problem where title like :tag").param("tag", tag + "%").query(Long.class).single();
	}

}
