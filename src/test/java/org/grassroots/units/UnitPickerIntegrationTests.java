package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Units are chosen by name within the chooser's scope: the picker's suggestions, and the forms
 * that take a picked unit, a typed code or a typed name, and say on the form when there is none.
 */
@IntegrationTest
class UnitPickerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStartOfANameFindsTheUnitWithItsParent() throws Exception {
		String options = signedIn("nanan.admin").get("/units/pick?q=" + PageClient.encode("花园")).body();

		assertThat(options).contains("data-code=\"500108002\"").contains("花园路街道").contains("南岸区");
	}

	@Test
	void englishNamesMatchWhateverTheCaseAndShowInEnglish() throws Exception {
		PageClient pages = signedIn("nanan.admin");
		pages.get("/?lang=en");

		String options = pages.get("/units/pick?q=huayuanlu").body();

		assertThat(options).contains("data-code=\"500108002\"").contains("Huayuanlu Street").contains("Nan&#39;an District");
	}

	@Test
	void anotherDistrictsUnitsAreNotSuggested() throws Exception {
		PageClient yuzhong = signedIn("yuzhong.admin");

		assertThat(yuzhong.get("/units/pick?q=" + PageClient.encode("花园")).body()).doesNotContain("500108002")
			.contains("没有这个名称开头的单位");
		assertThat(yuzhong.get("/units/pick?q=500108002").body()).doesNotContain("data-code");
		assertThat(yuzhong.get("/units/pick?q=" + PageClient.encode("南岸")).body()).doesNotContain("data-code");
		assertThat(yuzhong.get("/units/pick?q=" + PageClient.encode("解放碑")).body()).contains("data-code=\"500103901\"");
	}

	@Test
	void noTextOffersTheTopOfTheScope() throws Exception {
		String options = signedIn("huayuanlu.worker").get("/units/pick?q=").body();

		assertThat(options).contains("data-code=\"500108002\"").contains("data-code=\"500108002001\"")
			.doesNotContain("data-code=\"500108\"");
	}

	@Test
	void typedWildcardsAreCharactersAndOnlyStaffGetSuggestions() throws Exception {
		assertThat(signedIn("nanan.admin").get("/units/pick?q=%25").body()).doesNotContain("data-code");
		assertThat(signedIn("nanan.admin").get("/units/pick?q=_").body()).doesNotContain("data-code");
		assertThat(signedIn("resident.wang").get("/units/pick?q=" + PageClient.encode("花园")).statusCode()).isEqualTo(403);
	}

	@Test
	void sameNamedCommunitiesAreToldApartByTheirStreets() throws Exception {
		String name = "同名" + Api.uniqueCode("") + "社区";
		community("500108002", name);
		community("500108901", name);
		PageClient pages = signedIn("nanan.admin");

		String options = pages.get("/units/pick?q=" + PageClient.encode(name)).body();
		assertThat(options).contains("花园路街道").contains("铜元局街道");

		// typed without the picker, the name alone cannot say which: the search says so on its form
		HttpResponse<String> search = pages.get("/problems/search?q=x&unit=" + PageClient.encode(name));
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("id=\"unit-error\"").contains("有多个单位名为").contains("value=\"x\"");
	}

	@Test
	void theProblemSearchTakesANameAsWellAsACode() throws Exception {
		PageClient pages = signedIn("nanan.admin");

		String byName = pages.get("/problems/search?unit=" + PageClient.encode("花园路街道")).body();
		String byCode = pages.get("/problems/search?unit=500108002").body();

		assertThat(byName).doesNotContain("id=\"unit-error\"").contains("value=\"花园路街道\"").contains("data-unit-code=\"500108002\"");
		assertThat(total(byName)).isEqualTo(total(byCode)).isNotEqualTo(total(pages.get("/problems/search").body()));
	}

	@Test
	void anotherDistrictsUnitInTheSearchIsSaidOnTheFormNotAMissingPage() throws Exception {
		PageClient yuzhong = signedIn("yuzhong.admin");

		HttpResponse<String> page = yuzhong.get("/problems/search?state=REPORTED&q=" + PageClient.encode("停车") + "&unit=500108002");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"unit-error\"").contains("您的数据范围内没有单位“500108002”")
			.contains("value=\"停车\"").contains("value=\"500108002\"").contains("id=\"nav-search\"")
			.doesNotContain("data-ledger=\"500108");
		assertThat(yuzhong.get("/problems/search?unit=" + PageClient.encode("不存在的单位")).body())
			.contains("您的数据范围内没有单位“不存在的单位”");
	}

	@Test
	void anAccountIsOpenedInAUnitChosenByNameAndAnotherDistrictsUnitKeepsTheForm() throws Exception {
		PageClient pages = signedIn("nanan.sysadmin");
		String username = Api.uniqueCode("picker.").toLowerCase();

		HttpResponse<String> refused = pages.submit("/accounts", "/accounts", "username=" + username + "&displayName="
				+ PageClient.encode("选单位测试") + "&unitCode=" + PageClient.encode("渝中区") + "&phone=");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"open-error\"").contains("您的数据范围内没有单位“渝中区”")
			.contains("value=\"" + username + "\"").contains("value=\"选单位测试\"").contains("value=\"渝中区\"");

		HttpResponse<String> opened = pages.submit("/accounts", "/accounts", "username=" + username + "&displayName="
				+ PageClient.encode("选单位测试") + "&unitCode=" + PageClient.encode("花园路街道") + "&phone=");
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select unit_path from account where username = :u").param("u", username).query(String.class).single())
			.isEqualTo("/500000/500108/500108002/");
	}

	@Test
	void aSteeringGroupGetsUnitsPickedAndTyped() throws Exception {
		String username = Api.uniqueCode("steer.").toLowerCase();
		HttpResponse<String> opened = signedIn("system.admin").submit("/accounts", "/accounts", "username=" + username
				+ "&displayName=" + PageClient.encode("指导组测试") + "&unitCode=500000&phone=");
		assertThat(opened.statusCode()).isEqualTo(302);
		long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();

		// the security administrator grants the role: one unit picked (its code), one typed by name without the picker
		HttpResponse<String> granted = signedIn("security.admin").submit("/accounts", "/accounts/" + id + "/grant",
				"role=STEERING_GROUP&version=0&assignedUnits=500108&assignedUnits=" + PageClient.encode("渝中区"));

		assertThat(granted.statusCode()).isEqualTo(302);
		List<String> codes = jdbc.sql("""
				select u.unit_code from account_role_unit u join account_role r on r.id = u.role_id
				join account a on a.id = r.account_id where a.username = :u order by u.unit_code
				""").param("u", username).query(String.class).list();
		assertThat(codes).containsExactly("500103", "500108");
	}

	@Test
	void aMoveToAUnitOutsideTheScopeIsSaidOnTheUnitsPage() throws Exception {
		long id = community("500108002", "搬迁" + Api.uniqueCode("") + "社区");
		PageClient pages = signedIn("nanan.admin");

		HttpResponse<String> refused = pages.submit("/units/" + id, "/units/" + id + "/move",
				"parentCode=" + PageClient.encode("解放碑街道") + "&version=0");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"move-error\"").contains("您的数据范围内没有单位“解放碑街道”")
			.contains("value=\"解放碑街道\"");

		HttpResponse<String> moved = pages.submit("/units/" + id, "/units/" + id + "/move",
				"parentCode=" + PageClient.encode("铜元局街道") + "&version=0");
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select path from unit where id = :id").param("id", id).query(String.class).single())
			.startsWith("/500000/500108/500108901/");
	}

	private long community(String streetCode, String name) {
		Api api = new Api(port);
		String token = api.token("nanan.admin");
		long street = api.get(token, "/api/v1/units/by-code/" + streetCode).json().path("id").asLong();
		Api.Reply created = api.post(token, "/api/v1/units",
				Api.json("code", Api.uniqueCode("C"), "parentId", street, "nameZh", name, "level", "COMMUNITY"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static String total(String page) {
		var matcher = java.util.regex.Pattern.compile("id=\"search-total\">([^<]*)<").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
