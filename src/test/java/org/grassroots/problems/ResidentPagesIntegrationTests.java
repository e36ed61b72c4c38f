package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What residents see: their own reports (我的反映) and nobody else's, what was done on the
 * tracking page (responsible unit, published measures, notes and evidence, nothing internal), and
 * the public ledger's titles, filters and pager. Reports go to Yuzhong, so that Nan'an's work
 * queue keeps its order for the browser journey.
 */
@IntegrationTest
class ResidentPagesIntegrationTests {

	static final String COMMUNITY = "500103901001";

	static final String STREET = "500103901";

	static final String PASSWORD = "resident-pages-7";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void aSignedInResidentFindsTheReportUnderMyReportsAndAnotherResidentDoesNot() throws Exception {
		// given two residents, each signed in
		PageClient wang = signedIn("resident.wang", Api.DEMO_PASSWORD);
		PageClient other = signedIn(newResident(), PASSWORD);
		String title = Api.uniqueCode("楼道灯坏了 ");

		// when one reports through the public page
		HttpResponse<String> saved = wang.submit("/report", "/report", "locationUnitId=" + steps.unitId(COMMUNITY)
				+ "&categoryCode=OTHER&title=" + PageClient.encode(title) + "&description=d&duplicateChoice=new");
		assertThat(saved.body()).contains("id=\"tracking-code\"").contains("id=\"own-link\"");
		String ledgerNo = match(saved.body(), "id=\"reported-ledger\">([^<]+)<");

		// then it is linked to the account and listed under 我的反映, with a link to its tracking page
		assertThat(jdbc.sql("select reporter_account_id from problem where ledger_no = ?").param(ledgerNo)
			.query(Long.class).single()).isEqualTo(accountId("resident.wang"));
		HttpResponse<String> mine = wang.get("/my/reports");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains(title).contains("href=\"/my/reports/" + ledgerNo + "\"")
			.contains("已登记，等待受理");
		HttpResponse<String> tracking = wang.get("/my/reports/" + ledgerNo);
		assertThat(tracking.statusCode()).isEqualTo(200);
		assertThat(tracking.body()).contains(title).contains("id=\"track-unit\"").contains("渝中区");

		// and the other resident sees neither the list entry nor the page, as if it did not exist
		assertThat(other.get("/my/reports").body()).doesNotContain(title).contains("id=\"own-none\"");
		assertThat(other.get("/my/reports/" + ledgerNo).statusCode()).isEqualTo(404);
		assertThat(other.submit("/my/reports", "/my/reports/" + ledgerNo + "/evaluation", "rating=SATISFIED").statusCode())
			.isEqualTo(404);

		// a report made without signing in is linked to nobody, and staff never see the account
		HttpResponse<String> anonymous = new PageClient(port).submit("/report", "/report", "locationUnitId="
				+ steps.unitId(COMMUNITY) + "&categoryCode=OTHER&title=" + PageClient.encode(Api.uniqueCode("匿名 "))
				+ "&description=d&duplicateChoice=new");
		assertThat(jdbc.sql("select count(*) from problem where ledger_no = ? and reporter_account_id is null")
			.param(match(anonymous.body(), "id=\"reported-ledger\">([^<]+)<")).query(Integer.class).single()).isEqualTo(1);
		long id = jdbc.sql("select id from problem where ledger_no = ?").param(ledgerNo).query(Long.class).single();
		assertThat(api.get(steps.token("yuzhong.admin"), "/api/v1/problems/" + id).body()).doesNotContain("reporterAccount")
			.doesNotContain("resident.wang");
	}

	@Test
	void theTrackingPageShowsTheResponsibleUnitAndWhatWasPublishedButNothingInternal() throws Exception {
		// given a report assigned to Jiefangbei street, which plans with published measures, notes once
		// for the public and once internally, and attaches a public and an internal photo
		String title = Api.uniqueCode("路面破损 ");
		ProblemSteps.Report report = steps.report(COMMUNITY, "OTHER", title);
		steps.ok("yuzhong.admin", report.id(), "accept");
		steps.ok("yuzhong.admin", report.id(), "assign", "unitId", steps.unitId(STREET), "person", "赵工作人员");
		steps.ok("jiefangbei.worker", report.id(), "plan", "measures", "本周内修补路面并设置警示牌", "measuresPublic", true);
		steps.ok("jiefangbei.worker", report.id(), "notes", "note", "已联系施工队，周三进场", "notePublic", true);
		steps.ok("jiefangbei.worker", report.id(), "notes", "note", "内部：赵工作人员电话13900001111", "notePublic", false);
		String token = steps.token("jiefangbei.worker");
		Api.Reply shown = api.upload(token, "/api/v1/problems/" + report.id() + "/attachments?filePublic=true", "张三家门口.png",
				ProblemSafetyIntegrationTests.PNG);
		Api.Reply internal = api.upload(token, "/api/v1/problems/" + report.id() + "/attachments", "internal.png",
				ProblemSafetyIntegrationTests.PNG);
		assertThat(shown.status()).as(shown.body()).isEqualTo(201);
		assertThat(shown.json().path("filePublic").asBoolean()).isTrue();
		long shownId = shown.json().path("id").asLong();
		long internalId = internal.json().path("id").asLong();

		// when the resident opens the tracking page
		PageClient resident = new PageClient(port);
		HttpResponse<String> page = resident.get("/track/" + report.trackingCode());

		// then the responsible unit, the published measures and note, and the public photo come before the rating
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(match(body, "id=\"track-unit\">([^<]+)<")).isEqualTo("解放碑街道");
		assertThat(body).contains("责任单位").contains("本周内修补路面并设置警示牌").contains("已联系施工队，周三进场")
			.contains("/track/" + report.trackingCode() + "/files/" + shownId)
			.doesNotContain("/files/" + internalId);
		// never the internal note, the person assigned, the uploader or the file's name
		assertThat(body).doesNotContain("内部").doesNotContain("13900001111").doesNotContain("赵工作人员")
			.doesNotContain("张三家门口").doesNotContain("13912345678");
		// the timeline speaks of what happened, not of commands
		assertThat(body).contains("已交给责任单位办理").contains("责任单位公布了整改措施").doesNotContain(">交办<");
		assertThat(body).contains("href=\"/ledger/500103\"");
		// the public file comes without its name; the internal one is not there
		HttpResponse<byte[]> file = resident.bytes("/track/" + report.trackingCode() + "/files/" + shownId);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(ProblemSafetyIntegrationTests.PNG);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContain("张三")
			.contains("evidence-" + shownId);
		assertThat(resident.bytes("/track/" + report.trackingCode() + "/files/" + internalId).statusCode()).isEqualTo(404);
		assertThat(resident.bytes("/track/NO-SUCH-CODE/files/" + shownId).statusCode()).isEqualTo(404);

		// and in English the unit has its English name
		assertThat(resident.get("/track/" + report.trackingCode() + "?lang=en").body()).contains("Jiefangbei Street")
			.contains("Responsible unit").doesNotContain("解放碑街道");

		// when staff withdraw the photo, the page and the file are gone from the public
		Api.Reply withdrawn = api.post(token, "/api/v1/problems/" + report.id() + "/attachments/" + shownId + "/publish",
				Api.json("filePublic", false));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(resident.get("/track/" + report.trackingCode()).body()).doesNotContain("/files/" + shownId);
		assertThat(resident.bytes("/track/" + report.trackingCode() + "/files/" + shownId).statusCode()).isEqualTo(404);
		// someone who is no party to it cannot publish it
		assertThat(api.post(steps.token("huayuanlu.worker"),
				"/api/v1/problems/" + report.id() + "/attachments/" + shownId + "/publish", Api.json("filePublic", true))
			.status()).isEqualTo(404);
	}

	@Test
	void theLedgerShowsPublicTitlesOnlyFiltersByStateCategoryAndStreetAndPagesWithinBounds() throws Exception {
		// given a resident's report (public title) and a staff finding (internal title) in Yuzhong
		String residentTitle = Api.uniqueCode("公开标题 ");
		ProblemSteps.Report report = steps.report(COMMUNITY, "ELDERLY_CARE", residentTitle);
		String internalTitle = Api.uniqueCode("内部线索 ");
		long internal = steps.register("yuzhong.admin", internalTitle);
		String internalLedger = steps.problem("yuzhong.admin", internal).path("ledgerNo").asString();
		PageClient visitor = new PageClient(port);

		// then the district's ledger shows the public title and a placeholder for the other
		String ledger = visitor.get("/ledger/500103").body();
		assertThat(ledger).contains(residentTitle).doesNotContain(internalTitle).contains("（标题未公开）")
			.contains("data-ledger=\"" + internalLedger + "\"");

		// filtered by category and street (names in the options, codes only in the values)
		String filtered = visitor.get("/ledger/500103?category=ELDERLY_CARE&area=" + STREET).body();
		assertThat(filtered).contains(residentTitle).doesNotContain("data-ledger=\"" + internalLedger + "\"")
			.contains(">解放碑街道</option>").contains("value=\"500103901\" selected");
		assertThat(rows(filtered)).allSatisfy(row -> assertThat(row).contains("养老"));
		// by state: every line has it
		String reported = visitor.get("/ledger/500103?state=REPORTED").body();
		assertThat(reported).contains(residentTitle);
		assertThat(states(reported)).isNotEmpty().allSatisfy(state -> assertThat(state).isEqualTo("REPORTED"));
		assertThat(states(visitor.get("/ledger/500103?state=CLOSED").body()))
			.allSatisfy(state -> assertThat(state).isEqualTo("CLOSED"));
		// a street of another district finds nothing rather than leaking that district's lines
		assertThat(visitor.get("/ledger/500103?area=500108002").body()).contains("id=\"ledger-empty\"")
			.doesNotContain("data-ledger=");

		// the pager never links below the first page or past the last
		int total = jdbc.sql("select count(*) from problem p where coalesce(p.responsible_unit_path, p.handling_unit_path)"
				+ " like '/500000/%' and p.duplicate_of is null").query(Integer.class).single();
		int last = (total - 1) / 50;
		String first = visitor.get("/ledger/500000").body();
		assertThat(first).doesNotContain("page=-1").doesNotContain("id=\"ledger-previous\"");
		assertThat(first.contains("id=\"ledger-next\"")).isEqualTo(last > 0);
		String negative = visitor.get("/ledger/500000?page=-1").body();
		assertThat(negative).doesNotContain("page=-1").doesNotContain("id=\"ledger-previous\"");
		String lastPage = visitor.get("/ledger/500000?page=" + last).body();
		assertThat(lastPage).doesNotContain("id=\"ledger-next\"").doesNotContain("page=" + (last + 1));
		assertThat(lastPage.contains("id=\"ledger-previous\"")).isEqualTo(last > 0);
		String beyond = visitor.get("/ledger/500000?page=" + (last + 5)).body();
		assertThat(beyond).contains("id=\"ledger-first\"").doesNotContain("id=\"ledger-next\"")
			.doesNotContain("id=\"ledger-previous\"");
		// the API takes the same filters
		Api.Reply lines = api.get(null, "/api/v1/public/ledger/500103?category=ELDERLY_CARE&area=" + STREET);
		assertThat(lines.status()).isEqualTo(200);
		assertThat(lines.body()).contains(residentTitle).doesNotContain(internalTitle);
		assertThat(report.ledgerNo()).isNotBlank();
	}

	@Test
	void theLedgersAreReachableFromTheIndexAndTheTrackingPage() throws Exception {
		PageClient visitor = new PageClient(port);
		String index = visitor.get("/ledger").body();
		assertThat(index).contains("href=\"/ledger/500108\"").contains("南岸区").doesNotContain("id=\"ledger-own\"");
		String own = signedIn("resident.wang", Api.DEMO_PASSWORD).get("/ledger").body();
		assertThat(own).contains("id=\"ledger-own\"").contains("href=\"/ledger/500108\"");
	}

	private static List<String> rows(String page) {
		return Pattern.compile("<tr data-ledger=.*?</tr>", Pattern.DOTALL).matcher(page).results()
			.map(java.util.regex.MatchResult::group)
			.toList();
	}

	private static List<String> states(String page) {
		return Pattern.compile("data-state=\"([A-Z]+)\"").matcher(page).results().map(result -> result.group(1)).toList();
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1).trim();
	}

	private PageClient signedIn(String username, String password) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, password);
		return pages;
	}

	private String newResident() {
		String username = "resident" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username,
				"displayName", "另一位居民", "unitCode", COMMUNITY, "roles", List.of(Map.of("role", "RESIDENT")), "password",
				PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private long accountId(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

}
