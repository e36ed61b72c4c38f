package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.CurrentUser;
import org.grassroots.support.Api;
import org.grassroots.support.Events;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;

/**
 * Applications and department tasks on the real app and database: Nan'an's resident and officers,
 * with Yuzhong's officer and resident as outsiders.
 */
@IntegrationTest
class ApplicationsIntegrationTests {

	static final String REASON = Api.json("reason", "核对母亲身份证号");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LifeEventCatalogue catalogue;

	@Autowired
	UserDetailsService users;

	@Autowired
	WorkingCalendar calendar;

	LifeEventSteps steps;

	@BeforeEach
	void setUp() {
		steps = new LifeEventSteps(new Api(port));
	}

	@Test
	void aNewbornFansOutAtOnceAndEachTaskStartsWhenWhatItWaitsForIsDone() {
		JsonNode application = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王小雨"));
		long id = application.path("id").asLong();

		assertThat(application.path("reference").asString()).matches("YJS\\d{8}\\d{6}");
		assertThat(application.path("eventVersion").asInt()).isEqualTo(catalogue.get("NEWBORN").currentVersion());
		// parallel: both health tasks with nothing to wait for are in the queue at once
		assertThat(steps.state(id, "BIRTH_CERTIFICATE")).isEqualTo("PENDING");
		assertThat(steps.state(id, "VACCINATION_RECORD")).isEqualTo("PENDING");
		assertThat(steps.state(id, "HOUSEHOLD_REGISTRATION")).isEqualTo("WAITING");
		assertThat(steps.state(id, "CHILDCARE_SUBSIDY")).isEqualTo("WAITING");
		long household = steps.task("resident.wang", id, "HOUSEHOLD_REGISTRATION").path("id").asLong();
		assertThat(queueIds("nanan.police")).as("a waiting task is in no queue").doesNotContain(household);
		assertThat(steps.get("nanan.police", LifeEventSteps.BASE + "/tasks/" + household).status()).isEqualTo(200);

		steps.completed("nanan.health", id, "BIRTH_CERTIFICATE");

		assertThat(steps.state(id, "HOUSEHOLD_REGISTRATION")).isEqualTo("PENDING");
		assertThat(queueIds("nanan.police")).contains(household);
		assertThat(steps.state(id, "MEDICAL_INSURANCE")).isEqualTo("WAITING");
		steps.completed("nanan.police", id, "HOUSEHOLD_REGISTRATION");
		assertThat(steps.state(id, "MEDICAL_INSURANCE")).isEqualTo("PENDING");
		assertThat(steps.state(id, "CHILDCARE_SUBSIDY")).isEqualTo("PENDING");
		steps.completed("nanan.medins", id, "MEDICAL_INSURANCE");
		steps.completed("nanan.hrss", id, "SOCIAL_SECURITY_CARD");
		steps.completed("nanan.health", id, "VACCINATION_RECORD");
		assertThat(steps.mine("resident.wang", id).path("application").path("state").asString()).isEqualTo("OPEN");
		steps.completed("nanan.health", id, "CHILDCARE_SUBSIDY");

		JsonNode done = steps.mine("resident.wang", id);
		assertThat(done.path("application").path("state").asString()).isEqualTo("COMPLETED");
		assertThat(done.path("tasks")).allSatisfy(task -> assertThat(task.path("resultNote").asString()).startsWith("已办结："));
		int version = done.path("application").path("version").asInt();
		Api.Reply rated = steps.post("resident.wang", LifeEventSteps.BASE + "/my/applications/" + id + "/rating",
				Api.json("version", version, "rating", "SATISFIED", "comment", "跑一次就办好了"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(steps.post("resident.wang", LifeEventSteps.BASE + "/my/applications/" + id + "/rating",
				Api.json("version", version + 1, "rating", "DISSATISFIED")).status()).as("rated once").isEqualTo(409);
		assertThat(audits(application.path("reference").asString())).contains("LE_APPLICATION_FILED",
				"LE_APPLICATION_COMPLETED", "LE_APPLICATION_RATED");

		// the figures: filed and done, at the community, with the application's last version
		Events.settle(jdbc);
		List<String> measures = jdbc.sql("select measure from dash_campaign_item_count where item_key = :key")
			.param("key", "APPLICATION:" + id)
			.query(String.class)
			.list();
		assertThat(measures).contains("LE_APPLIED", "LE_APPLIED:NEWBORN", "LE_DONE", "LE_DONE:NEWBORN", "LE_DONE_ON_TIME",
				"LE_DONE_DAYS").doesNotContain("LE_OPEN");
		assertThat(jdbc.sql("select version from dash_campaign_item where item_key = :key")
			.param("key", "APPLICATION:" + id)
			.query(Long.class)
			.single()).isEqualTo(version + 1L);
	}

	@Test
	void aRejectionReturnsTheWholeApplicationAndWithdrawsTheOpenTasks() {
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王小雪")).path("id").asLong();
		long birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("id").asLong();

		Api.Reply rejected = steps.act("nanan.health", birth, "reject", "category", "INFORMATION_WRONG", "reason",
				"出生医学记录上的出生时间与申请不一致");

		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		JsonNode returned = steps.mine("resident.wang", id);
		assertThat(returned.path("application").path("state").asString()).isEqualTo("RETURNED");
		assertThat(returned.path("application").path("returnCategory").asString()).isEqualTo("INFORMATION_WRONG");
		assertThat(returned.path("application").path("returnReason").asString()).contains("出生时间");
		assertThat(steps.state(id, "VACCINATION_RECORD")).isEqualTo("WITHDRAWN");
		assertThat(steps.state(id, "HOUSEHOLD_REGISTRATION")).isEqualTo("WITHDRAWN");
		long vaccination = steps.task("resident.wang", id, "VACCINATION_RECORD").path("id").asLong();
		assertThat(steps.act("nanan.health", vaccination, "complete", "result", "x").status()).isEqualTo(409);
		String returnedList = LifeEventSteps.BASE + "/applications?state=RETURNED&reason=INFORMATION_WRONG&unit=500108002&month="
				+ java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
		assertThat(steps.get("nanan.admin", returnedList).json().path("applications").toString()).contains("\"id\":" + id);
		assertThat(steps.get("nanan.admin", returnedList.replace("500108002", "500108901")).json().path("applications").toString())
			.as("another street's subtree").doesNotContain("\"id\":" + id);
		assertThat(steps.get("nanan.admin", LifeEventSteps.BASE + "/applications?unit=500103").status())
			.as("a unit out of scope").isEqualTo(404);
		assertThat(queueIds("nanan.health")).doesNotContain(vaccination);
	}

	@Test
	void oneRequestListsEverythingMissingAndIsAnsweredOnce() {
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王小雷")).path("id").asLong();
		long birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("id").asLong();

		int seen = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("version").asInt();
		assertThat(steps.post("nanan.health", LifeEventSteps.BASE + "/tasks/" + birth + "/accept", Api.json("version", seen + 1))
			.status()).as("a version not seen").isEqualTo(409);
		Api.Reply requested = steps.act("nanan.health", birth, "material-requests", "items",
				List.of("出生医学记录原件照片", "母亲住院病案首页"));
		assertThat(requested.status()).as(requested.body()).isEqualTo(200);
		assertThat(steps.act("nanan.health", birth, "material-requests", "items", List.of("再补一项")).status())
			.as("one open request at a time").isEqualTo(409);
		assertThat(steps.state(id, "BIRTH_CERTIFICATE")).isEqualTo("MATERIAL_REQUESTED");
		JsonNode request = steps.mine("resident.wang", id).path("requests").get(0);
		assertThat(request.path("items")).hasSize(2);
		int version = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("version").asInt();
		String answer = LifeEventSteps.BASE + "/my/applications/" + id + "/tasks/" + birth + "/answer";

		Api.Reply partial = steps.post("resident.wang", answer, Api.json("version", version, "answers", List.of("已拍照")));
		assertThat(partial.status()).as("every item at once").isEqualTo(400);
		assertThat(steps.state(id, "BIRTH_CERTIFICATE")).isEqualTo("MATERIAL_REQUESTED");
		// the resident took ten days to gather it: those working days do not count against either limit
		java.time.LocalDate today = java.time.LocalDate.now(org.grassroots.shared.Times.ZONE);
		java.time.LocalDate requestedOn = today.minusDays(10);
		jdbc.sql("update le_material_request set requested_at = :at where task_id = :task")
			.param("at", java.time.OffsetDateTime.ofInstant(requestedOn.atTime(10, 0).atZone(org.grassroots.shared.Times.ZONE)
				.toInstant(), java.time.ZoneOffset.UTC))
			.param("task", birth)
			.update();
		java.time.LocalDate taskDeadline = java.time.LocalDate
			.parse(steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("deadline").asString());
		java.time.LocalDate applicationDeadline = java.time.LocalDate
			.parse(steps.mine("resident.wang", id).path("application").path("deadline").asString());
		int paused = calendar.workingDaysBetween(requestedOn, today);
		Api.Reply whole = steps.post("resident.wang", answer,
				Api.json("version", version, "answers", List.of("已拍照上传，见附言", "病案号 2026-11-0815")));
		assertThat(whole.status()).as(whole.body()).isEqualTo(200);
		assertThat(paused).isPositive();
		assertThat(steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("deadline").asString())
			.isEqualTo(calendar.addWorkingDays(taskDeadline, paused).toString());
		assertThat(steps.mine("resident.wang", id).path("application").path("deadline").asString())
			.isEqualTo(calendar.addWorkingDays(applicationDeadline, paused).toString());

		assertThat(steps.state(id, "BIRTH_CERTIFICATE")).as("back with the officer").isEqualTo("ACCEPTED");
		JsonNode answered = steps.mine("resident.wang", id).path("requests").get(0);
		assertThat(answered.path("open").asBoolean()).isFalse();
		assertThat(answered.path("items").get(1).path("answerText").asString()).contains("病案号");
		assertThat(steps.post("resident.wang", answer, Api.json("version", version + 1, "answers", List.of("a", "b"))).status())
			.isEqualTo(409);
		steps.completed("nanan.health", id, "BIRTH_CERTIFICATE");
	}

	@Test
	void aNewCatalogueVersionLeavesAFiledApplicationAsItWas() {
		CurrentUser admin = (CurrentUser) users.loadUserByUsername("city.admin");
		String code = ("V" + Api.uniqueCode("").toUpperCase()).substring(0, 11);
		catalogue.publish(code, new CatalogueCommands.Publish(0, CatalogueIntegrationTests.definition("试点事项", List.of())), admin);
		long id = steps.applied("resident.wang", code, Map.of("name", "王居民")).path("id").asLong();

		LifeEvent event = catalogue.get(code);
		catalogue.publish(code, new CatalogueCommands.Publish(event.version(),
				CatalogueIntegrationTests.definition("试点事项二", List.of("FIRST"))), admin);

		JsonNode filed = steps.mine("resident.wang", id);
		assertThat(catalogue.get(code).definition().tasks()).hasSize(2);
		assertThat(filed.path("application").path("eventVersion").asInt()).isEqualTo(1);
		assertThat(filed.path("application").path("eventNameZh").asString()).isEqualTo("试点事项");
		assertThat(filed.path("tasks")).hasSize(1);
		steps.completed("nanan.health", id, "FIRST");
		assertThat(steps.mine("resident.wang", id).path("application").path("state").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void officersSeeTheirOwnDepartmentsTasksAndOthersNothing() {
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王小川")).path("id").asLong();
		long birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("id").asLong();
		String task = LifeEventSteps.BASE + "/tasks/" + birth;

		assertThat(steps.get("nanan.health", task).status()).isEqualTo(200);
		assertThat(steps.get("nanan.police", task).status()).as("another department").isEqualTo(404);
		assertThat(steps.get("yuzhong.health", task).status()).as("another district's health").isEqualTo(404);
		assertThat(steps.act("nanan.police", birth, "accept").status()).isEqualTo(404);
		assertThat(queueIds("yuzhong.health")).doesNotContain(birth);
		assertThat(steps.get("resident.zhao", LifeEventSteps.BASE + "/my/applications/" + id).status()).isEqualTo(404);
		assertThat(steps.get("resident.zhao", LifeEventSteps.BASE + "/applications/" + id).status()).isEqualTo(404);
		assertThat(steps.get("yuzhong.admin", LifeEventSteps.BASE + "/applications/" + id).status()).isEqualTo(404);
		assertThat(steps.post("yuzhong.health", task + "/personal-data", REASON).status()).isEqualTo(404);

		// in scope: the district sees it masked; the handling officer in full on request, audited
		JsonNode seen = steps.get("nanan.admin", LifeEventSteps.BASE + "/applications/" + id).json();
		String motherId = LifeEventSteps.newborn("x").get("motherIdCard").toString();
		assertThat(seen.toString()).doesNotContain(motherId).doesNotContain("13812345678");
		assertThat(steps.get("nanan.health", task).body()).doesNotContain(motherId);
		long views = count("select count(*) from audit_record where kind = 'LE_DATA_VIEWED'");
		Api.Reply noReason = steps.post("nanan.health", task + "/personal-data", "{}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason").doesNotContain(motherId);
		assertThat(count("select count(*) from audit_record where kind = 'LE_DATA_VIEWED'")).isEqualTo(views);
		Api.Reply full = steps.post("nanan.health", task + "/personal-data", REASON);
		assertThat(full.body()).contains(motherId);
		assertThat(count("select count(*) from audit_record where kind = 'LE_DATA_VIEWED'")).isEqualTo(views + 1);
		assertThat(jdbc.sql("select after_state from audit_record where kind = 'LE_DATA_VIEWED' order by id desc fetch first 1 rows only")
			.query(String.class).single()).as("the reason is kept with the view").contains("核对母亲身份证号");
		assertThat(steps.mine("resident.wang", id).toString()).as("the resident sees their own").contains(motherId);
		assertThat(jdbc.sql("select value_text from le_application_value where application_id = :id and field_key = 'motherIdCard'")
			.param("id", id)
			.query(String.class)
			.single()).as("encrypted at rest").doesNotContain(motherId);
	}

	@Test
	void badInputIsRefusedClearlyWithNothingWritten() {
		long applications = count("select count(*) from le_application");
		long tasks = count("select count(*) from le_task");
		Map<String, Object> missing = new HashMap<>(LifeEventSteps.newborn("王缺"));
		missing.remove("childName");
		Map<String, Object> wrongId = new HashMap<>(LifeEventSteps.newborn("王错"));
		String id = (String) wrongId.get("fatherIdCard");
		wrongId.put("fatherIdCard", id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1"));

		assertRefused(steps.apply("resident.wang", "NEWBORN", missing), "新生儿姓名", "Child's name");
		assertRefused(steps.apply("resident.wang", "NEWBORN", wrongId), "父亲身份证号", "Father's ID card number");
		assertRefused(steps.apply("resident.wang", "NO_SUCH_THING", Map.of()), "NO_SUCH_THING", "NO_SUCH_THING");
		// Yuzhong maps no public security department: named in the refusal
		assertRefused(steps.apply("resident.zhao", "NEWBORN", LifeEventSteps.newborn("赵一")), "公安部门",
				"public security department");

		assertThat(count("select count(*) from le_application")).isEqualTo(applications);
		assertThat(count("select count(*) from le_task")).isEqualTo(tasks);
	}

	@Test
	void whatThePersonGaveBeforeIsFilledInAndNotAskedAgain() {
		steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王小满"));

		JsonNode form = steps.get("resident.wang", LifeEventSteps.BASE + "/catalogue/NEWBORN/form").json();
		assertThat(form.path("known").path("motherIdCard").asString()).isEqualTo(LifeEventSteps.newborn("x").get("motherIdCard"));
		assertThat(form.path("known").path("phone").asString()).isEqualTo("13812345678");
		Map<String, Object> fewer = new HashMap<>();
		for (String key : List.of("childName", "childBirthDate", "childSex", "birthHospital")) {
			fewer.put(key, LifeEventSteps.newborn("王小暖").get(key));
		}
		JsonNode second = steps.applied("resident.wang", "NEWBORN", fewer);

		JsonNode values = steps.mine("resident.wang", second.path("id").asLong()).path("values");
		List<String> filled = new ArrayList<>();
		values.forEach(value -> filled.add(value.path("key").asString() + "=" + value.path("value").asString()));
		assertThat(filled).as("a choice by its name").containsAnyOf("childSex=女", "childSex=Female");
		assertThat(filled).contains("motherName=李芳", "phone=13812345678",
				"motherIdCard=" + LifeEventSteps.newborn("x").get("motherIdCard"));
	}

	@Test
	void aDocumentGivenOnceIsReusedAndOnlyTheHandlingOfficerReadsIt() throws Exception {
		Api api = new Api(port);
		long first = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王材料")).path("id").asLong();
		Api.Reply uploaded = api.upload(steps.token("resident.wang"),
				LifeEventSteps.BASE + "/my/applications/" + first + "/documents/marriageCertificate", "结婚证.png", png());
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);

		JsonNode form = steps.get("resident.wang", LifeEventSteps.BASE + "/catalogue/NEWBORN/form").json();
		assertThat(form.path("givenDocuments").path("marriageCertificate").asString()).isEqualTo("结婚证.png");
		long second = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王材料二")).path("id").asLong();

		JsonNode document = null;
		for (JsonNode given : steps.mine("resident.wang", second).path("documents")) {
			if (given.path("code").asString().equals("marriageCertificate")) {
				document = given;
			}
		}
		assertThat(document).as("reused without asking").isNotNull();
		assertThat(document.path("reused").asBoolean()).isTrue();
		long birth = steps.task("resident.wang", second, "BIRTH_CERTIFICATE").path("id").asLong();
		String path = LifeEventSteps.BASE + "/tasks/" + birth + "/documents/" + document.path("id").asLong();
		Api.Download read = api.download(steps.token("nanan.health"), path);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.bytes()).isEqualTo(png());
		assertThat(api.download(steps.token("nanan.police"), path).status()).isEqualTo(404);
		var page = new org.grassroots.support.PageClient(port);
		page.signIn("nanan.health", Api.DEMO_PASSWORD);
		assertThat(page.get("/lifeevents/tasks/" + birth).body())
			.contains("href=\"/lifeevents/tasks/" + birth + "/documents/" + document.path("id").asLong() + "\"", "结婚证.png");
		assertThat(api.download(steps.token("resident.zhao"), LifeEventSteps.BASE + "/my/applications/" + second
				+ "/documents/" + document.path("id").asLong()).status()).isEqualTo(404);
	}

	@Autowired
	MyApplications residents;

	@Test
	void aFileGivenInAnswerReachesTheOfficerWhoAskedForIt() throws Exception {
		Api api = new Api(port);
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王补正")).path("id").asLong();
		long birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("id").asLong();
		assertThat(steps.act("nanan.health", birth, "material-requests", "items", List.of("出生医学记录照片")).status())
			.isEqualTo(200);
		int version = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("version").asInt();

		ApplicationView answered = residents.answer(id, birth, new LifeEventCommands.Answer(version, List.of()),
				Map.of(0, new org.grassroots.shared.files.Upload("出生医学记录.png", png())),
				(CurrentUser) users.loadUserByUsername("resident.wang"));

		MaterialRequest.Item item = answered.requests().get(0).items().get(0);
		assertThat(item.fileName()).isEqualTo("出生医学记录.png");
		String path = LifeEventSteps.BASE + "/tasks/" + birth + "/answers/" + item.id();
		assertThat(api.download(steps.token("nanan.health"), path).bytes()).isEqualTo(png());
		assertThat(api.download(steps.token("yuzhong.health"), path).status()).isEqualTo(404);
	}

	@Test
	void aCommunityMovedToAnotherStreetTakesItsApplicationsWithIt() {
		Api api = new Api(port);
		String city = api.token("city.admin");
		long street = jdbc.sql("select id from unit where code = '500108002'").query(Long.class).single();
		long otherStreet = jdbc.sql("select id from unit where code = '500108901'").query(Long.class).single();
		String code = Api.uniqueCode("500108002");
		Api.Reply community = api.post(city, "/api/v1/units", Api.json("code", code, "parentId", street, "nameZh",
				"测试社区" + code, "nameEn", "Test community " + code, "level", "COMMUNITY"));
		assertThat(community.status()).as(community.body()).isEqualTo(201);
		Api.Reply filed = api.post(api.token("resident.wang"), LifeEventSteps.BASE + "/applications", Api.json("eventCode",
				"NEWBORN", "communityId", community.json().path("id").asLong(), "values", LifeEventSteps.newborn("王小川")));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		long id = filed.json().path("id").asLong();

		Api.Reply moved = api.post(city, "/api/v1/units/" + community.json().path("id").asLong() + "/move",
				Api.json("parentId", otherStreet, "version", community.json().path("version").asInt()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		String list = LifeEventSteps.BASE + "/applications?unit=";
		assertThat(steps.get("nanan.admin", list + "500108901").json().path("applications").toString())
			.contains("\"id\":" + id);
		assertThat(steps.get("nanan.admin", list + "500108002").json().path("applications").toString())
			.doesNotContain("\"id\":" + id);
		long birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("id").asLong();
		assertThat(queueIds("nanan.health")).contains(birth);
	}

	private static byte[] png() throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private void assertRefused(Api.Reply reply, String zh, String en) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("detail").asString()).containsAnyOf(zh, en);
	}

	private List<Long> queueIds(String officer) {
		List<Long> ids = new ArrayList<>();
		steps.get(officer, LifeEventSteps.BASE + "/tasks").json().forEach(entry -> ids.add(entry.path("task").path("id").asLong()));
		return ids;
	}

	private List<String> audits(String reference) {
		return jdbc.sql("select kind from audit_record where subject_id = :ref").param("ref", reference).query(String.class).list();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
