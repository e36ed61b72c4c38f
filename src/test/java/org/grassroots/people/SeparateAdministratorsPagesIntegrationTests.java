package org.grassroots.people;

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
 * The three separate administrators on the pages (docs/people.md, "Three separate
 * administrators"): each does its own work there and is refused the others'.
 */
@IntegrationTest
class SeparateAdministratorsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSystemAdministratorOpensTheSecurityAdministratorGrantsAndNeitherDoesTheOthersWork() throws Exception {
		String username = "page" + Api.uniqueCode("").toLowerCase();
		PageClient system = signedIn("system.admin");
		HttpResponse<String> accounts = system.get("/accounts");
		assertThat(accounts.statusCode()).isEqualTo(200);
		assertThat(accounts.body()).contains("id=\"open-account\"").contains("开户后由安全管理员授予角色")
			.doesNotContain("grant-role");
		HttpResponse<String> opened = system.submit("/accounts", "/accounts", "username=" + username + "&displayName="
				+ PageClient.encode("页面开户") + "&unitCode=500108002&phone=");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
		assertThat(system.get("/accounts?q=" + username).body()).contains("已开设账号 " + username).contains("尚无角色");
		long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
		int version = version(id);

		system.submit("/accounts", "/accounts/" + id + "/grant", "role=CASEWORKER&version=" + version);
		assertThat(system.get("/accounts?q=" + username).body()).contains("这项操作由安全管理员办理");
		assertThat(roles(id)).isEmpty();

		PageClient security = signedIn("security.admin");
		assertThat(security.get("/accounts?q=" + username).body()).contains("grant-role").doesNotContain("id=\"open-account\"");
		HttpResponse<String> refusedOpen = security.submit("/accounts", "/accounts", "username=x" + username
				+ "&displayName=X&unitCode=500108002&phone=");
		assertThat(refusedOpen.statusCode()).isEqualTo(403);
		assertThat(refusedOpen.body()).contains("这项操作由系统管理员办理");
		security.submit("/accounts", "/accounts/" + id + "/grant", "role=CASEWORKER&version=" + version);
		assertThat(security.get("/accounts?q=" + username).body()).contains("已变更 " + username + " 的角色")
			.contains("工作人员");
		assertThat(roles(id)).containsExactly("CASEWORKER");
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'ROLES_CHANGED' and subject_id = :u")
			.param("u", username).query(Long.class).single()).isOne();

		security.submit("/accounts", "/accounts/" + id + "/grant", "role=SYSTEM_ADMIN&version=" + version(id));
		assertThat(security.get("/accounts?q=" + username).body()).contains("不能与其他任何角色同时授予");
		security.submit("/accounts", "/accounts/" + id + "/revoke", "role=CASEWORKER&version=" + version(id));
		assertThat(roles(id)).isEmpty();

		for (String path : List.of("/audit", "/audit/integrity", "/problems")) {
			assertThat(system.get(path).statusCode()).as(path).isEqualTo(403);
			assertThat(security.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(system.get("/units").body()).as("the system administrator keeps the units").contains("href=\"/units/import\"");
		assertThat(security.get("/units").statusCode()).isEqualTo(403);
	}

	@Test
	void theAuditorReadsVerifiesAndArchivesAndChangesNothingElse() throws Exception {
		PageClient auditor = signedIn("security.auditor");
		HttpResponse<String> home = auditor.get("/");
		assertThat(home.body()).contains("href=\"/audit\"").contains("href=\"/audit/integrity\"")
			.doesNotContain("href=\"/accounts\"").doesNotContain("href=\"/problems\"");
		assertThat(auditor.get("/audit?kind=ACCOUNT_CREATED").body()).contains("开设账号");
		assertThat(auditor.get("/audit/integrity?verify=true").body()).contains("哈希链完整");
		HttpResponse<String> archive = auditor.submit("/audit/integrity", "/audit/archives", "x=1");
		assertThat(archive.statusCode()).isEqualTo(302);
		assertThat(auditor.get("/audit/integrity").body()).contains("没有早于保存期限");
		for (String path : List.of("/accounts", "/problems", "/units", "/dashboard", "/learning")) {
			assertThat(auditor.get(path).statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void theCampaignsAdministratorsNoLongerManageAccountsNorTheAuditsIntegrity() throws Exception {
		for (String username : List.of("city.admin", "nanan.admin")) {
			PageClient pages = signedIn(username);
			assertThat(pages.get("/").body()).as(username).doesNotContain("href=\"/accounts\"");
			assertThat(pages.get("/accounts").statusCode()).as(username).isEqualTo(403);
			assertThat(pages.get("/audit/integrity").statusCode()).as(username).isEqualTo(403);
			assertThat(pages.get("/audit").statusCode()).as(username + " still reads its scope's log").isEqualTo(200);
		}
	}

	private int version(long id) {
		return jdbc.sql("select version from account where id = :id").param("id", id).query(Integer.class).single();
	}

	private List<String> roles(long id) {
		return jdbc.sql("select role from account_role where account_id = :id").param("id", id).query(String.class).list();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
