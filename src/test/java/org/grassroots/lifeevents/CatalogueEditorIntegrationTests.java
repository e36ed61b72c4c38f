package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city administrator edits a life event in the catalogue editor: the edit is published as the
 * next version (the earlier one kept as it was) and the page shows it; a stale form is refused
 * with 409, bad input with 400 naming what is wrong, and anyone else with 403, nothing written.
 * Each test works on an event of its own, copied from the newborn event and withdrawn afterwards.
 */
@IntegrationTest
class CatalogueEditorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	LifeEventCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	String code;

	@BeforeEach
	void anEventOfItsOwn() {
		code = Api.uniqueCode("TEST_").toUpperCase(Locale.ROOT);
		EventDefinition newborn = catalogue.get("NEWBORN").definition();
		assertThat(catalogue.seed(code, newborn)).isTrue();
	}

	@AfterEach
	void withdrawIt() {
		// residents never see the test events; the catalogue keeps them, as it keeps every version
		jdbc.sql("update le_event set active = false where code = :code").param("code", code).update();
	}

	@Test
	void theEditorPublishesVersionTwoAndThePageShowsIt() throws Exception {
		LifeEvent before = catalogue.get(code);
		EventDefinition definition = before.definition();
		TaskDefinition firstTask = definition.tasks().get(0);
		FormField firstField = definition.fields().get(0);
		RequiredDocument removed = definition.documents().get(0);
		long audited = audited();
		PageClient admin = signedIn("city.admin");
		String page = admin.get("/lifeevents/catalogue/" + code).body();
		assertThat(page).contains("id=\"editor\"").contains("第 1 版").contains(definition.nameZh())
			.contains(firstTask.nameZh()).contains("卫生健康部门");

		Map<String, String> form = formOf(before);
		form.put("nameZh", "新生儿出生一件事（修订）");
		form.put("timeLimitDays", "6");
		form.put("task." + firstTask.code() + ".nameZh", "出生医学证明签发");
		form.put("task." + firstTask.code() + ".limit", "2");
		if (firstField.required()) {
			form.remove("field." + firstField.key() + ".required");
		}
		else {
			form.put("field." + firstField.key() + ".required", "true");
		}
		form.put("doc." + removed.code() + ".remove", "true");
		form.put("newDoc.nameZh", "结婚证");
		form.put("newDoc.nameEn", "Marriage certificate");
		HttpResponse<String> saved = admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code, encode(form));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		LifeEvent after = catalogue.get(code);
		assertThat(after.currentVersion()).isEqualTo(2);
		EventDefinition edited = after.definition();
		assertThat(edited.nameZh()).isEqualTo("新生儿出生一件事（修订）");
		assertThat(edited.timeLimitDays()).isEqualTo(6);
		assertThat(edited.tasks().get(0).nameZh()).isEqualTo("出生医学证明签发");
		assertThat(edited.tasks().get(0).timeLimitDays()).isEqualTo(2);
		assertThat(edited.tasks().get(0).department()).isEqualTo(firstTask.department());
		assertThat(edited.tasks().get(0).waitsFor()).isEqualTo(firstTask.waitsFor());
		assertThat(edited.fields().get(0).required()).isEqualTo(!firstField.required());
		assertThat(edited.fields().get(0).type()).isEqualTo(firstField.type());
		assertThat(edited.documents()).extracting(RequiredDocument::code).doesNotContain(removed.code());
		assertThat(edited.documents()).extracting(RequiredDocument::nameZh).contains("结婚证");
		assertThat(edited.consent()).isEqualTo(definition.consent());
		// the first version stays as it was: applications filed under it keep it
		assertThat(catalogue.version(code, 1).definition()).isEqualTo(definition);
		assertThat(audited()).isEqualTo(audited + 1);

		String shown = admin.get("/lifeevents/catalogue/" + code).body();
		assertThat(shown).contains("alert-success").contains("第 2 版").contains("新生儿出生一件事（修订）")
			.contains("出生医学证明签发").contains("结婚证").contains("承诺时限：6 个工作日")
			.contains("data-version=\"1\"").contains("data-version=\"2\"");
		assertThat(section(shown, "id=\"documents\"", "</ul>")).doesNotContain(removed.nameZh());
		assertThat(admin.get("/lifeevents/catalogue/" + code + "?version=1").body()).contains("id=\"old-version\"")
			.contains(definition.nameZh()).doesNotContain("id=\"editor\"");
		assertThat(admin.get("/lifeevents/catalogue").body()).contains("新生儿出生一件事（修订）");
	}

	@Test
	void aStaleFormIsRefusedWith409AndNothingIsWritten() throws Exception {
		LifeEvent before = catalogue.get(code);
		PageClient admin = signedIn("city.admin");
		Map<String, String> first = formOf(before);
		first.put("timeLimitDays", "4");
		assertThat(admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code, encode(first))
			.statusCode()).isEqualTo(302);
		long audited = audited();

		// a second form opened before the first was saved
		Map<String, String> stale = formOf(before);
		stale.put("nameZh", "过期的修改");
		HttpResponse<String> refused = admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code,
				encode(stale));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("该记录已被他人修改，请刷新后重试。").contains("过期的修改");
		assertThat(catalogue.get(code).currentVersion()).isEqualTo(2);
		assertThat(catalogue.get(code).definition().nameZh()).isEqualTo(before.definition().nameZh());
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void badInputIsRefusedWith400NamingWhatIsWrongAndNothingIsWritten() throws Exception {
		LifeEvent before = catalogue.get(code);
		TaskDefinition task = before.definition().tasks().get(0);
		PageClient admin = signedIn("city.admin");
		long audited = audited();

		assertRefused(admin, with(before, "nameZh", " "), "中文名称不能为空");
		assertRefused(admin, with(before, "task." + task.code() + ".limit", "三天"),
				"部门办件“" + task.nameZh() + "”的时限须为 1 至 365 个工作日。");
		assertRefused(admin, with(before, "task." + task.code() + ".limit", "9"),
				"部门办件“" + task.nameZh() + "”的时限（9 个工作日）超过了整件事的承诺时限（5 个工作日）。");
		assertRefused(admin, with(before, "timeLimitDays", "0"), "的承诺时限须为 1 至 365 个工作日。");
		assertRefused(admin, with(before, "task.NO_SUCH_TASK.nameZh", "x"), "没有这个部门办件：NO_SUCH_TASK。");
		assertRefused(admin, with(before, "newDoc.nameZh", "只有中文"), "新增材料须同时填写中文和英文名称");
		assertRefused(admin, formOf(before), "没有任何改动，无需发布新版本。");

		assertThat(catalogue.get(code).currentVersion()).isEqualTo(1);
		assertThat(catalogue.get(code).definition()).isEqualTo(before.definition());
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void nobodyButTheCityAdministratorOpensOrEditsTheCatalogue() throws Exception {
		LifeEvent before = catalogue.get(code);
		Map<String, String> form = with(before, "nameZh", "越权修改");
		for (String user : new String[] { "nanan.admin", "yuzhong.admin", "nanan.cadre", "resident.wang" }) {
			PageClient client = signedIn(user);
			assertThat(client.get("/lifeevents/catalogue").statusCode()).as(user).isEqualTo(403);
			assertThat(client.get("/lifeevents/catalogue/" + code).statusCode()).as(user).isEqualTo(403);
			assertThat(client.submit("/", "/lifeevents/catalogue/" + code, encode(form)).statusCode()).as(user)
				.isEqualTo(403);
			assertThat(client.submit("/", "/lifeevents/catalogue/" + code + "/active",
					"version=" + before.version() + "&active=false").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(catalogue.get(code).currentVersion()).isEqualTo(1);
		assertThat(catalogue.get(code).active()).isTrue();
		assertThat(catalogue.get(code).definition().nameZh()).isEqualTo(before.definition().nameZh());
	}

	@Test
	void theCityAdministratorWithdrawsAnEventAndOffersItAgain() throws Exception {
		PageClient admin = signedIn("city.admin");
		LifeEvent before = catalogue.get(code);
		assertThat(admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code + "/active",
				"version=" + before.version() + "&active=false").statusCode()).isEqualTo(302);
		assertThat(catalogue.get(code).active()).isFalse();
		assertThat(admin.get("/lifeevents/catalogue/" + code).body()).contains("已停用").contains("alert-success");
		// the same version again is stale
		admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code + "/active",
				"version=" + before.version() + "&active=true");
		assertThat(admin.get("/lifeevents/catalogue/" + code).body()).contains("该记录已被他人修改，请刷新后重试。");
		assertThat(catalogue.get(code).active()).isFalse();
	}

	private void assertRefused(PageClient admin, Map<String, String> form, String message) throws Exception {
		HttpResponse<String> refused = admin.submit("/lifeevents/catalogue/" + code, "/lifeevents/catalogue/" + code,
				encode(form));
		assertThat(refused.statusCode()).as(message).isEqualTo(400);
		assertThat(refused.body()).contains(message).contains("id=\"editor\"");
	}

	/** The editor's form as the page fills it, with one input changed. */
	private static Map<String, String> with(LifeEvent event, String name, String value) {
		Map<String, String> form = formOf(event);
		form.put(name, value);
		return form;
	}

	/** The editor's form as the page fills it for the event's current definition. */
	static Map<String, String> formOf(LifeEvent event) {
		EventDefinition definition = event.definition();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(event.version()));
		form.put("nameZh", definition.nameZh());
		form.put("nameEn", definition.nameEn());
		form.put("summaryZh", definition.summaryZh());
		form.put("summaryEn", definition.summaryEn());
		form.put("timeLimitDays", String.valueOf(definition.timeLimitDays()));
		for (TaskDefinition task : definition.tasks()) {
			form.put("task." + task.code() + ".nameZh", task.nameZh());
			form.put("task." + task.code() + ".nameEn", task.nameEn());
			form.put("task." + task.code() + ".limit", String.valueOf(task.timeLimitDays()));
		}
		for (FormField field : definition.fields()) {
			form.put("field." + field.key() + ".labelZh", field.labelZh());
			form.put("field." + field.key() + ".labelEn", field.labelEn());
			if (field.required()) {
				form.put("field." + field.key() + ".required", "true");
			}
		}
		for (RequiredDocument document : definition.documents()) {
			form.put("doc." + document.code() + ".nameZh", document.nameZh());
			form.put("doc." + document.code() + ".nameEn", document.nameEn());
		}
		form.put("newDoc.nameZh", "");
		form.put("newDoc.nameEn", "");
		return form;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream()
			.map(entry -> PageClient.encode(entry.getKey()) + "=" + PageClient.encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String section(String html, String from, String to) {
		int start = html.indexOf(from);
		return html.substring(start, html.indexOf(to, start));
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_record where kind like 'LE_CATALOGUE_%' and subject_id = :code")
			.param("code", code).query(Long.class).single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient client = new PageClient(port);
		client.signIn(username, Api.DEMO_PASSWORD);
		return client;
	}

}
