package org.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case and mechanism pages: refusals said on the form in the person's language, nothing written; forms need CSRF. */
@IntegrationTest
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	CaseSteps steps;

	@BeforeEach
	void setUp() {
		steps = new CaseSteps(new Api(port));
	}

	@Test
	void aCaseFromAnOpenProblemIsRefusedOnTheFormAndNothingIsWritten() throws Exception {
		long open = steps.openProblem(Api.uniqueCode("still open "));
		String ledgerNo = steps.problem(open).path("ledgerNo").asString();
		PageClient office = signedIn("yuzhong.admin");
		long before = count("typical_case");

		HttpResponse<String> refused = office.submit("/cases/new", "/cases/new", "ledgerNo=" + ledgerNo
				+ "&title=t&categoryCode=EDUCATION&background=b&actions=a&result=r&reach=SUBTREE");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(error(refused)).isEqualTo("问题 " + ledgerNo + " 尚未销号，只有已销号的问题才能写成典型案例");
		assertThat(refused.body()).as("what was typed stays").contains("value=\"" + ledgerNo + "\"");
		assertThat(count("typical_case")).isEqualTo(before);
		assertThat(office.post("/cases/new", "ledgerNo=" + ledgerNo + "&title=t&categoryCode=EDUCATION&background=b"
				+ "&actions=a&result=r").statusCode()).as("without CSRF").isEqualTo(403);
	}

	@Test
	void aClosedProblemsPageOffersTheCaseAndTheFormWritesIt() throws Exception {
		long closed = steps.closedProblem(Api.uniqueCode("school gate "));
		String ledgerNo = steps.problem(closed).path("ledgerNo").asString();
		PageClient office = signedIn("yuzhong.admin");
		assertThat(office.get("/problems/" + closed).body()).contains("id=\"write-case\"", "/cases/new?problem=" + closed);
		assertThat(office.get("/problems/" + steps.openProblem(Api.uniqueCode("open "))).body()).doesNotContain("write-case");
		assertThat(office.get("/cases/new?problem=" + closed).body()).contains("value=\"" + ledgerNo + "\"");

		HttpResponse<String> written = office.submit("/cases/new", "/cases/new", "ledgerNo=" + ledgerNo + "&title="
				+ PageClient.encode("护学岗") + "&categoryCode=EDUCATION&background=b&actions=a&result=r&reach=SUBTREE");
		assertThat(written.statusCode()).isEqualTo(302);
		String page = written.headers().firstValue("Location").orElseThrow();
		assertThat(page).matches(".*/cases/\\d+");
		String path = page.substring(page.indexOf("/cases/"));
		assertThat(office.get(path).body()).contains("草稿", "id=\"submit-form\"");
		assertThat(signedIn("nanan.admin").get(path).statusCode()).as("another district").isEqualTo(404);
		assertThat(office.get(path + "?lang=en").body()).contains("Draft", "Submit for approval");
		assertThat(signedIn("city.admin").get(path + "/edit").statusCode()).as("an approver does not edit").isEqualTo(403);
		assertThat(signedIn("jiefangbei.worker").get("/cases/new").statusCode()).as("a caseworker does not write")
			.isEqualTo(403);
		assertThat(office.get(path + "/edit").body()).contains("id=\"case-form\"");
	}

	@Test
	void aMechanismWithADateAheadIsRefusedOnTheFormAndAGoodOneIsAdopted() throws Exception {
		PageClient office = signedIn("yuzhong.admin");
		LocalDate today = LocalDate.now(Times.ZONE);
		long before = count("mechanism");
		HttpResponse<String> refused = office.submit("/mechanisms/new", "/mechanisms/new", "title=t&appliesTo=s&adoptedOn="
				+ today.plusDays(3) + "&body=b");
		assertThat(error(refused)).isEqualTo("建立日期 " + today.plusDays(3) + " 不能晚于今天");
		assertThat(count("mechanism")).isEqualTo(before);

		String title = Api.uniqueCode("机制 ");
		HttpResponse<String> adopted = office.submit("/mechanisms/new", "/mechanisms/new", "title=" + PageClient.encode(title)
				+ "&appliesTo=" + PageClient.encode("全区") + "&adoptedOn=" + today + "&body=b&ledgerNos=&caseIds=");
		assertThat(adopted.statusCode()).isEqualTo(302);
		assertThat(office.get("/mechanisms?unit=500103").body()).contains(title);
		assertThat(signedIn("jiefangbei.worker").get("/mechanisms").body()).as("a street reads its district's").contains(title);
		assertThat(signedIn("nanan.admin").get("/mechanisms").body()).doesNotContain(title);
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static String error(HttpResponse<String> page) {
		String body = page.body();
		int at = body.indexOf("id=\"error\"");
		assertThat(at).as("an error on the page").isNotNegative();
		return body.substring(body.indexOf('>', at) + 1, body.indexOf("</div>", at)).trim();
	}

}
