package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The pages of residents, officers and the district on the real app: what they show, mask and refuse. */
@IntegrationTest
class LifeEventPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theResidentsPagesShowTheCatalogueTheKnownValuesAndTheProgress() throws Exception {
		LifeEventSteps steps = new LifeEventSteps(new Api(port));
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王页面")).path("id").asLong();
		PageClient wang = signedIn("resident.wang");

		assertThat(wang.get("/").body()).contains("href=\"/lifeevents\"", "href=\"/my/applications\"");
		assertThat(wang.get("/lifeevents").body()).contains("出生一件事", "承诺 5 个工作日办结", "公安部门", "老旧小区加装电梯一件事");
		String form = wang.get("/lifeevents/NEWBORN/apply").body();
		assertThat(form).contains("新生儿姓名", "已知", LifeEventSteps.newborn("x").get("motherIdCard").toString());
		assertThat(wang.get("/my/applications").body()).contains("出生一件事");
		String mine = wang.get("/my/applications/" + id).body();
		assertThat(mine).contains("各部门办理进度", "出生医学证明", "南岸区卫生健康委员会", "待受理", "等待前置事项");
		assertThat(signedIn("resident.zhao").get("/my/applications/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void theOfficerWorksTheTaskFromThePagesAndSeesPersonalDataInFullOnlyOnRequest() throws Exception {
		LifeEventSteps steps = new LifeEventSteps(new Api(port));
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王办件")).path("id").asLong();
		JsonNode birth = steps.task("resident.wang", id, "BIRTH_CERTIFICATE");
		String motherId = LifeEventSteps.newborn("x").get("motherIdCard").toString();
		PageClient health = signedIn("nanan.health");

		assertThat(health.get("/lifeevents/tasks").body()).contains("出生医学证明", "王居民");
		String page = "/lifeevents/tasks/" + birth.path("id").asLong();
		assertThat(health.get(page).body()).contains("查看完整信息").doesNotContain(motherId);
		assertThat(health.submit(page, page + "/full", "").body()).as("no reason, no full view")
			.doesNotContain(motherId).contains("理由");
		assertThat(health.submit(page, page + "/full", "reason=" + PageClient.encode("核对出生证明"))
			.body()).contains(motherId, "审计日志");
		HttpResponse<String> accepted = health.submit(page, page + "/accept", "version=" + birth.path("version").asInt());
		assertThat(accepted.statusCode()).isEqualTo(302);
		int version = steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("version").asInt();
		health.submit(page, page + "/complete", "version=" + version + "&result=" + PageClient.encode("出生医学证明 Q500108261"));
		assertThat(steps.state(id, "BIRTH_CERTIFICATE")).isEqualTo("COMPLETED");
		assertThat(steps.state(id, "HOUSEHOLD_REGISTRATION")).isEqualTo("PENDING");
		assertThat(signedIn("nanan.police").get(page).statusCode()).isEqualTo(404);
		assertThat(health.get("/lifeevents/NEWBORN/apply").body()).as("outside a community: name one")
			.contains("name=\"communityCode\"");
	}

	@Test
	void theDistrictReadsTheListMaskedExportsItAndSetsItsDepartments() throws Exception {
		LifeEventSteps steps = new LifeEventSteps(new Api(port));
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王导出")).path("id").asLong();
		String motherId = LifeEventSteps.newborn("x").get("motherIdCard").toString();
		PageClient admin = signedIn("nanan.admin");

		assertThat(admin.get("/lifeevents/applications?event=NEWBORN&state=OPEN").body()).contains("出生一件事", "王居民");
		assertThat(admin.get("/lifeevents/applications/" + id).body()).contains("出生医学证明").doesNotContain(motherId);
		HttpResponse<byte[]> xlsx = admin.bytes("/lifeevents/applications.xlsx?event=NEWBORN");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			String text = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(book).getText();
			assertThat(text).contains("王居民", "受理编号").doesNotContain(motherId).doesNotContain("13812345678");
		}
		assertThat(signedIn("yuzhong.admin").get("/lifeevents/applications/" + id).statusCode()).isEqualTo(404);
		assertThat(signedIn("yuzhong.admin").get("/lifeevents/applications").body()).doesNotContain("王导出");

		assertThat(admin.get("/lifeevents/departments").body()).contains("南岸区卫生健康委员会", "重庆市公安局南岸区分局");
		Api api = new Api(port);
		String path = "/api/v1/lifeevents/departments/500108";
		JsonNode district = api.get(api.token("nanan.admin"), path).json();
		JsonNode health = null;
		for (JsonNode mapping : district.path("mappings")) {
			if (mapping.path("kind").asString().equals("HEALTH")) {
				health = mapping;
			}
		}
		long departmentId = health.path("departmentId").asLong();
		long audits = count();
		Api.Reply same = api.put(api.token("nanan.admin"), path,
				Api.json("version", health.path("version").asInt(), "kind", "HEALTH", "departmentId", departmentId));
		assertThat(same.status()).as(same.body()).isEqualTo(200);
		assertThat(count()).isEqualTo(audits + 1);
		assertThat(api.put(api.token("nanan.admin"), path,
				Api.json("version", health.path("version").asInt(), "kind", "HEALTH", "departmentId", departmentId)).status())
			.as("stale").isEqualTo(409);
		assertThat(api.put(api.token("yuzhong.admin"), path,
				Api.json("version", 0, "kind", "HEALTH", "departmentId", departmentId)).status()).isEqualTo(404);
		assertThat(api.put(api.token("nanan.admin"), path, Api.json("version", health.path("version").asInt() + 1, "kind",
				"HEALTH", "departmentId", jdbc.sql("select id from unit where code = '500103-D01'").query(Long.class).single()))
			.status()).as("another district's department").isEqualTo(400);
	}

	private long count() {
		return jdbc.sql("select count(*) from audit_record where kind = 'LE_DEPARTMENT_MAPPED'").query(Long.class).single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient client = new PageClient(port);
		client.signIn(username, Api.DEMO_PASSWORD);
		return client;
	}

}
