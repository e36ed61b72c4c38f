package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page renders for the roles that may see it, and refuses the rest. */
@IntegrationTest
class PagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/units", "/units/import", "/audit",
			"/audit?actor=city.admin&unit=500108&kind=UNIT_CREATED&from=2020-01-01&to=2099-01-01", "/account/password" })
	void theDistrictAdministratorsPagesRender(String path) throws Exception {
		PageClient pages = signedIn("nanan.admin");
		HttpResponse<String> page = pages.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(page.body()).contains("nanan.admin");
	}

	@Test
	void aUnitPageShowsTheUnitAndItsChildren() throws Exception {
		HttpResponse<String> page = signedIn("nanan.admin").get("/units/" + id("500108002") + "/children");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("500108002001");
		assertThat(signedIn("nanan.admin").get("/units/search?q=%E8%8A%B1%E5%9B%AD").body()).contains("500108002"); // 花园
		HttpResponse<String> detail = signedIn("huayuanlu.worker").get("/units/" + id("500108002"));
		assertThat(detail.body()).contains("花园路街道").doesNotContain("rename-form");
	}

	@Test
	void anotherDistrictsUnitIsNotFoundOnThePages() throws Exception {
		HttpResponse<String> page = signedIn("yuzhong.admin").get("/units/" + id("500108002"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("不在您的数据范围内");
	}

	@Test
	void residentsAndMembersAreRefusedAdministrationPages() throws Exception {
		for (String username : new String[] { "resident.wang", "member.li" }) {
			PageClient pages = signedIn(username);
			assertThat(pages.get("/").statusCode()).isEqualTo(200);
			assertThat(pages.get("/units").statusCode()).isEqualTo(403);
			assertThat(pages.get("/accounts").statusCode()).isEqualTo(403);
		}
		assertThat(signedIn("huayuanlu.worker").get("/accounts").statusCode()).isEqualTo(403);
	}

	@Test
	void aRenameThroughThePageIsSavedAndABadOneExplained() throws Exception {
		String code = Api.uniqueCode("P");
		PageClient pages = signedIn("nanan.admin");
		String detail = "/units/" + id("500108002");
		HttpResponse<String> created = pages.submit(detail, "/units",
				"parentId=" + id("500108002") + "&code=" + code + "&nameZh=" + PageClient.encode("页面社区") + "&level=COMMUNITY&kind=ADMINISTRATIVE&batch=");
		assertThat(created.statusCode()).isEqualTo(302);
		long newId = id(code);
		assertThat(pages.submit("/units/" + newId, "/units/" + newId + "/rename", "nameZh=" + PageClient.encode("改名社区") + "&version=0")
			.statusCode()).isEqualTo(302);
		assertThat(pages.get("/units/" + newId).body()).contains("改名社区");

		pages.submit("/units/" + newId, "/units/" + newId + "/rename", "nameZh=" + PageClient.encode("过期") + "&version=0");
		assertThat(pages.get("/units/" + newId).body()).contains("该记录已被他人修改").contains("改名社区");

		pages.submit(detail, "/units", "parentId=" + id("500108002") + "&code=" + PageClient.encode("bad%code")
				+ "&nameZh=x&level=COMMUNITY&kind=ADMINISTRATIVE&batch=");
		assertThat(pages.get(detail).body()).contains("输入有误");
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		assertThat(pages.signIn(username, Api.DEMO_PASSWORD)).matches(".*/(dashboard)?"); // leaders land on their dashboard
		return pages;
	}

	private long id(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
	}

}
