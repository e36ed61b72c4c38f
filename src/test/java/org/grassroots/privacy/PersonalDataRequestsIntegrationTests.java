package org.grassroots.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.grassroots.lifeevents.LifeEventSteps;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A person's requests about their personal data (PIPL), as the system administrator handles them:
 * found by phone and ID card number across accounts, reports, applications, kept values; exported
 * in full; erased where no retention duty applies, applications kept, the audit log kept and still
 * verifying; only within the administrator's reach, and refused to everyone else.
 */
@IntegrationTest
class PersonalDataRequestsIntegrationTests {

	static final String EXPORTS = "/api/v1/personal-data/exports";

	static final String ERASURES = "/api/v1/personal-data/erasures";

	static final String RESIDENT_PASSWORD = "harbour-lantern-orchard-pipl";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

	final String idCard = LifeEventSteps.idCard("5001081988" + String.format("%02d%02d", 1 + ThreadLocalRandom.current()
		.nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28)) + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));

	@Test
	void theSystemAdministratorExportsEverythingHeldAndErasesWhatNoDutyKeeps() {
		Api api = new Api(port);
		String username = personalData(api);
		String system = api.token("system.admin");
		long auditBefore = count("select count(*) from audit_record");

		JsonNode export = ok(api.post(system, EXPORTS, subject(phone, idCard, "本人来电申请查阅")));
		assertThat(kinds(export)).containsEntry("account", 1).containsEntry("problem", 1).containsEntry("application", 1)
			.containsKey("profile");
		assertThat(export.path("records").toString()).as("in full, to hand over").contains(phone, idCard, username, "王小川")
			.doesNotContain("****");
		assertThat(export.path("asked").toString()).contains(phone.substring(0, 3) + "****").doesNotContain(phone);
		String audited = jdbc.sql("select after_state from audit_record where kind = 'PERSONAL_DATA_EXPORTED' order by id desc"
				+ " fetch first 1 rows only").query(String.class).single();
		assertThat(audited).contains("本人来电申请查阅").doesNotContain(phone).doesNotContain(idCard);

		JsonNode district = ok(api.post(api.token("nanan.sysadmin"), EXPORTS, subject(phone, null, "南岸区受理")));
		assertThat(kinds(district)).containsEntry("account", 1).containsEntry("problem", 1).doesNotContainKey("profile");
		String yuzhong = api.token("yuzhong.sysadmin");
		assertThat(ok(api.post(yuzhong, EXPORTS, subject(phone, idCard, "越权"))).path("records").isEmpty()).isTrue();
		JsonNode erasedElsewhere = ok(api.post(yuzhong, ERASURES, subject(phone, idCard, "越权")));
		assertThat(erasedElsewhere.path("erased").isEmpty()).as(erasedElsewhere.toString()).isTrue();
		for (String other : List.of("city.admin", "security.admin", "security.auditor", "nanan.admin")) {
			assertThat(api.post(api.token(other), EXPORTS, subject(phone, null, "x")).status()).as(other).isEqualTo(403);
			assertThat(api.post(api.token(other), ERASURES, subject(phone, null, "x")).status()).as(other).isEqualTo(403);
		}

		long audits = count("select count(*) from audit_record");
		assertRefused(api.post(system, ERASURES, subject(phone, null, " ")), "privacy.error.reason");
		assertRefused(api.post(system, ERASURES, subject(null, null, "原因")), "privacy.error.who");
		assertRefused(api.post(system, ERASURES, subject(phone, idCard.substring(0, 17) + wrongCheck(idCard), "原因")),
				"privacy.error.id-card");
		assertThat(count("select count(*) from audit_record")).as("refusals write nothing").isEqualTo(audits);
		assertThat(count("select count(*) from account where phone_hash is not null and username = '" + username + "'"))
			.isOne();

		JsonNode erased = ok(api.post(system, ERASURES, subject(phone, idCard, "本人书面申请删除")));
		assertThat(erased.path("erased").path("account").asInt()).isEqualTo(1);
		assertThat(erased.path("erased").path("problem").asInt()).isEqualTo(1);
		assertThat(erased.path("erased").path("profile").asInt()).isPositive();
		assertThat(erased.path("kept").path("application").asInt()).as("an administrative record").isEqualTo(1);
		assertThat(count("select count(*) from account where phone_cipher is null and username = '" + username + "'")).isOne();
		JsonNode after = ok(api.post(system, EXPORTS, subject(phone, idCard, "删除后核对")));
		assertThat(kinds(after)).containsOnlyKeys("application");

		assertThat(count("select count(*) from audit_record where id <= (select max(id) from audit_record)"))
			.as("the audit log keeps everything it had").isGreaterThanOrEqualTo(auditBefore + 2);
		assertThat(count("select count(*) from audit_record where kind = 'ACCOUNT_CREATED' and subject_id = '" + username + "'"))
			.isOne();
		assertThat(count("select count(*) from audit_record where kind = 'PERSONAL_DATA_ERASED'")).isPositive();
		JsonNode verified = api.get(api.token("security.auditor"), "/api/v1/audit/verify").json();
		assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
	}

	@Test
	void onThePagesTheFormExportsAFileAndErasingNeedsTheTick() throws Exception {
		Api api = new Api(port);
		personalData(api);
		PageClient pages = new PageClient(port);
		pages.signIn("system.admin", Api.DEMO_PASSWORD);
		assertThat(pages.get("/").body()).contains("href=\"/personal-data\"");
		String page = pages.get("/personal-data").body();
		assertThat(page).contains("个人信息查阅与删除请求").contains("name=\"idCard\"");
		String form = page.substring(page.indexOf("action=\"/personal-data/export\""));
		assertThat(form.substring(0, form.indexOf("</form>"))).as("the form carries its own CSRF field").contains("name=\"_csrf\"");

		HttpResponse<byte[]> file = pages.http().send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://localhost:" + port + "/personal-data/export"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("phone=" + phone + "&idCard=&reason="
					+ PageClient.encode("本人到窗口申请") + "&_csrf=" + pages.csrf("/personal-data")))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".json");
		assertThat(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(phone);

		HttpResponse<String> unticked = pages.submit("/personal-data", "/personal-data/erase", "phone=" + phone
				+ "&idCard=&reason=" + PageClient.encode("本人申请删除"));
		assertThat(unticked.statusCode()).isEqualTo(400);
		assertThat(unticked.body()).contains("删除前请勾选确认").contains("value=\"" + phone + "\"");
		HttpResponse<String> badId = pages.submit("/personal-data", "/personal-data/export", "phone=&idCard=123&reason=x");
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("身份证号不对");

		HttpResponse<String> erased = pages.submit("/personal-data", "/personal-data/erase", "phone=" + phone
				+ "&idCard=&reason=" + PageClient.encode("本人申请删除") + "&confirmed=true");
		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(pages.get("/personal-data").body()).contains("已删除 1 个账号中的手机号").contains("已删除 1 条问题反映中的手机号")
			.contains("依法作为办理档案保存");

		PageClient nanan = new PageClient(port);
		nanan.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(nanan.get("/personal-data").statusCode()).isEqualTo(403);
		assertThat(nanan.get("/").body()).doesNotContain("href=\"/personal-data\"");
	}

	/** An account, a report and an application holding the test's phone and ID card number; the account's username. */
	private String personalData(Api api) {
		String username = "pipl." + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "个人信息测试", "unitCode", "500108002",
				"phone", phone, "roles", List.of(Map.of("role", "CASEWORKER"))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long community = api.get(api.token("city.admin"), "/api/v1/units/by-code/500108002001").json().path("id").asLong();
		Api.Reply report = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", community, "categoryCode",
				"PARKING", "title", "停车 " + username, "description", "门口停车难", "phone", phone, "discloseIdentity", true));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		Map<String, Object> values = new LinkedHashMap<>(LifeEventSteps.newborn("王小川"));
		values.put("motherIdCard", idCard);
		values.put("phone", phone);
		String resident = "pipl.resident." + Api.uniqueCode("").toLowerCase();
		Api.Reply residentOpened = api.openAccount(Api.json("username", resident, "displayName", "个人信息居民", "unitCode",
				"500108002001", "password", RESIDENT_PASSWORD, "roles", List.of(Map.of("role", "RESIDENT"))));
		assertThat(residentOpened.status()).as(residentOpened.body()).isEqualTo(201);
		Api.Reply filed = api.post(api.token(resident, RESIDENT_PASSWORD), "/api/v1/lifeevents/applications",
				Api.json("eventCode", "NEWBORN", "values", values));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return username;
	}

	private static String subject(String phone, String idCard, String reason) {
		return Api.json("phone", phone, "idCard", idCard, "reason", reason);
	}

	private static Map<String, Integer> kinds(JsonNode export) {
		Map<String, Integer> kinds = new LinkedHashMap<>();
		export.path("records").forEach(record -> kinds.merge(record.path("kind").asString(), 1, Integer::sum));
		return kinds;
	}

	private static JsonNode ok(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static void assertRefused(Api.Reply reply, String code) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.text("code")).isEqualTo(code);
	}

	private static char wrongCheck(String id) {
		return id.charAt(17) == '1' ? '2' : '1';
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
