package org.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.cases.internal.CaseFigures;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Typical cases and mechanisms on the real app and database, with Yuzhong's problems and Nan'an's people as outsiders. */
@IntegrationTest
class CasesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<CampaignFacts> facts;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new CaseSteps(api);
	}

	@Test
	void aStreetCaseIsApprovedByItsDistrictAndReadInItsSubtreeAndAboveOnly() {
		// given a closed Yuzhong problem and the office of the street that rectified it
		String street = steps.streetOffice();
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		String title = Api.uniqueCode("guard post ");

		// the street office writes it up and submits it
		JsonNode draft = steps.written(street, problem, title, "SUBTREE");
		long id = draft.path("id").asLong();
		assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("categoryCode").asString()).as("the problem's category by default").isEqualTo("EDUCATION");
		assertThat(draft.path("unitPath").asString()).isEqualTo("/500000/500103/500103901/");
		assertThat(steps.read("nanan.admin", id)).as("a draft is the writers' and their upper units'").isEqualTo(404);
		assertThat(steps.caseOk(street, id, "submit").path("state").asString()).isEqualTo("SUBMITTED");

		// the wrong approvers are refused: the writing unit itself, its caseworker, another district, and
		// a district asking for city-wide publication
		assertThat(steps.command(street, id, "approve").status()).isEqualTo(403);
		assertThat(steps.command("jiefangbei.worker", id, "approve").status()).isEqualTo(403);
		assertThat(steps.command("nanan.admin", id, "approve").status()).isEqualTo(404);
		assertThat(steps.command("nanan.cadre", id, "approve").status()).isEqualTo(404);
		Api.Reply cityWide = steps.command("yuzhong.admin", id, "approve", "reach", "CITY");
		assertThat(cityWide.status()).isEqualTo(403);
		assertThat(cityWide.text("detail")).contains("city office");
		assertThat(steps.version(id)).as("nothing changed").isEqualTo(1);

		// the district finds it in its queue and approves it for its subtree
		Api.Reply queue = api.get(steps.token("yuzhong.admin"), "/api/v1/cases?waiting=true");
		assertThat(queue.json().path("items").findValuesAsString("title")).contains(title);
		assertThat(api.get(steps.token(street), "/api/v1/cases?waiting=true").json().path("items").findValuesAsString("title"))
			.as("never one's own unit's case").doesNotContain(title);
		JsonNode published = steps.caseOk("yuzhong.admin", id, "approve");
		assertThat(published.path("state").asString()).isEqualTo("PUBLISHED");
		assertThat(published.path("reach").asString()).isEqualTo("SUBTREE");
		assertThat(published.path("decidedBy").asString()).isEqualTo("yuzhong.admin");
		assertThat(steps.command("yuzhong.admin", id, "approve").status()).as("once published").isEqualTo(409);

		// published to its subtree: the street, its district, the city and the steering group read it; Nan'an does not
		for (String reader : List.of(street, "jiefangbei.worker", "yuzhong.admin", "city.admin", "steering.group")) {
			assertThat(steps.read(reader, id)).as(reader).isEqualTo(200);
		}
		for (String outsider : List.of("nanan.admin", "nanan.cadre", "huayuanlu.worker")) {
			assertThat(steps.read(outsider, id)).as(outsider).isEqualTo(404);
			assertThat(steps.finds(outsider, id, title)).as(outsider).isFalse();
		}
		assertThat(steps.finds("jiefangbei.worker", id, title)).isTrue();
		assertThat(api.get(steps.token("resident.wang"), "/api/v1/cases/" + id).status()).as("residents").isEqualTo(403);

		// it counts once at the street in the month it was published, and the rebuild says the same
		Instant publishedAt = Instant.parse(published.path("publishedAt").asString());
		CampaignFigures expected = new CampaignFigures("CASE:" + id, published.path("version").asLong(), List.of(
				new CampaignFigures.Count("/500000/500103/500103901/", CampaignFigures.monthKey(publishedAt), "CASES_PUBLISHED", 1)));
		assertThat(rebuilt("CASE:" + id)).isEqualTo(expected);

		// the city office widens it to the whole city: now Nan'an reads it too
		assertThat(steps.command("yuzhong.admin", id, "reach", "reach", "CITY").status()).isEqualTo(403);
		assertThat(steps.caseOk("city.admin", id, "reach", "reach", "CITY").path("reach").asString()).isEqualTo("CITY");
		assertThat(steps.read("nanan.admin", id)).isEqualTo(200);
		assertThat(steps.finds("nanan.cadre", id, title)).isTrue();

		// withdrawn, it counts no more
		steps.caseOk(street, id, "withdraw");
		assertThat(rebuilt("CASE:" + id).counts()).isEmpty();
		assertThat(steps.read("nanan.admin", id)).isEqualTo(404);
		assertThat(auditKinds("TYPICAL_CASE", id)).containsExactly("CASE_WRITE", "CASE_SUBMIT", "CASE_APPROVE",
				"CASE_CHANGE_REACH", "CASE_WITHDRAW");
	}

	@Test
	void aDistrictCaseGoesCityWideOnlyWithTheCityOffice() {
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		String title = Api.uniqueCode("district case ");
		long id = steps.written("yuzhong.admin", problem, title, "CITY").path("id").asLong();
		steps.caseOk("yuzhong.admin", id, "submit");

		// no one approves their own unit's case; the sibling district does not even see it
		assertThat(steps.command("yuzhong.admin", id, "approve").status()).isEqualTo(403);
		assertThat(steps.command("nanan.admin", id, "approve").status()).isEqualTo(404);
		assertThat(api.get(steps.token("city.admin"), "/api/v1/cases?waiting=true").json().path("items")
			.findValuesAsString("title")).contains(title);

		JsonNode published = steps.caseOk("city.admin", id, "approve");
		assertThat(published.path("reach").asString()).isEqualTo("CITY");
		for (String reader : List.of("nanan.admin", "nanan.cadre", "huayuanlu.worker", "jiefangbei.worker")) {
			assertThat(steps.read(reader, id)).as(reader).isEqualTo(200);
		}
		assertThat(steps.finds("nanan.admin", id, title)).isTrue();
		Api.Reply byCategory = api.get(steps.token("nanan.admin"), "/api/v1/cases?category=EDUCATION&unit=500103&state=PUBLISHED");
		assertThat(byCategory.json().path("items").findValuesAsString("title")).contains(title);
		assertThat(api.get(steps.token("nanan.admin"), "/api/v1/cases?category=PARKING&unit=500103").json().path("items")
			.findValuesAsString("title")).doesNotContain(title);
	}

	@Test
	void aReturnedCaseIsChangedAndSubmittedAgainWithOptimisticLocking() {
		String street = steps.streetOffice();
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		long id = steps.written(street, problem, Api.uniqueCode("returned "), "SUBTREE").path("id").asLong();
		steps.caseOk(street, id, "submit");

		assertThat(steps.command("yuzhong.admin", id, "return", "reason", " ").status()).as("a reason is needed").isEqualTo(400);
		JsonNode returned = steps.caseOk("yuzhong.admin", id, "return", "reason", "add the figures before and after");
		assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
		assertThat(returned.path("returnReason").asString()).isEqualTo("add the figures before and after");

		int seen = returned.path("version").asInt();
		String changes = Api.json("version", seen, "title", "with the figures", "background", "before: 25 minutes",
				"actions", "a guard post", "result", "after: 8 minutes");
		assertThat(api.put(steps.token("yuzhong.admin"), "/api/v1/cases/" + id, changes).status()).as("not the writer")
			.isEqualTo(403);
		assertThat(api.put(steps.token(street), "/api/v1/cases/" + id, changes).status()).isEqualTo(200);
		Api.Reply stale = api.put(steps.token(street), "/api/v1/cases/" + id, changes);
		assertThat(stale.status()).as("the same version again is stale").isEqualTo(409);
		assertThat(stale.text("detail")).isNotBlank();

		JsonNode again = steps.caseOk(street, id, "submit");
		assertThat(again.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(again.path("title").asString()).isEqualTo("with the figures");
	}

	@Test
	void aCaseFromAnOpenProblemIsRefusedWithAClearMessageAndNothingWritten() {
		long open = steps.openProblem(Api.uniqueCode("still open "));
		String ledgerNo = steps.problem(open).path("ledgerNo").asString();
		steps.token("yuzhong.admin");
		long cases = count("typical_case");
		long audits = count("audit_record");

		Api.Reply refused = steps.write("yuzhong.admin", open, "too early", "SUBTREE");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("detail")).isEqualTo("Problem " + ledgerNo
				+ " is not closed: only a closed problem can be written up as a typical case");
		assertThat(count("typical_case")).isEqualTo(cases);
		assertThat(count("audit_record")).isEqualTo(audits);
	}

	@Test
	void aCaseIsWrittenFromADoneWorkMeasureOnlyAndOnlyInScope() throws Exception {
		String yuzhong = steps.token("yuzhong.admin");
		java.time.LocalDate today = java.time.LocalDate.now(org.grassroots.shared.Times.ZONE);
		long plan = api.post(yuzhong, "/api/v1/plans", Api.json("title", "plan " + Api.uniqueCode(""), "topics", "t",
				"categoryCodes", List.of("PARKING"), "periodStart", today.minusDays(5).toString(), "periodEnd",
				today.plusMonths(2).toString())).json().path("id").asLong();
		Api.Reply added = api.post(yuzhong, "/api/v1/plans/" + plan + "/measures", Api.json("title", "300 new parking spaces "
				+ Api.uniqueCode(""), "categoryCode", "PARKING", "ownerPerson", "王主任", "startDate", today.toString(),
				"deadline", today.plusMonths(1).toString(), "targetAmount", 3, "targetUnit", "个"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		long measure = added.json().path("id").asLong();
		long cases = count("typical_case");

		Api.Reply open = fromMeasure(yuzhong, measure);
		assertThat(open.status()).isEqualTo(400);
		assertThat(open.text("detail")).contains("is not completed");
		assertThat(count("typical_case")).isEqualTo(cases);

		assertThat(api.post(yuzhong, "/api/v1/plans/measures/" + measure + "/progress", Api.json("achieved", 3, "version", 0))
			.status()).isEqualTo(200);
		assertThat(fromMeasure(steps.token("nanan.admin"), measure).status()).isEqualTo(404);
		// the done measure's page offers the form, which names the measure
		PageClient pages = new PageClient(port);
		pages.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(pages.get("/plans/measures/" + measure).body()).contains("/cases/new?measure=" + measure);
		assertThat(pages.get("/cases/new?measure=" + measure).body()).contains("300 new parking spaces")
			.contains("name=\"measureId\"");
		Api.Reply written = fromMeasure(yuzhong, measure);
		assertThat(written.status()).as(written.body()).isEqualTo(201);
		assertThat(written.json().path("sourceKind").asString()).isEqualTo("MEASURE");
		assertThat(written.json().path("categoryCode").asString()).isEqualTo("PARKING");
		assertThat(count("typical_case")).isEqualTo(cases + 1);
	}

	private Api.Reply fromMeasure(String token, long measure) {
		return api.post(token, "/api/v1/cases", Api.json("sourceKind", "MEASURE", "sourceId", measure, "title",
				"from a measure", "background", "b", "actions", "a", "result", "r"));
	}

	@Test
	void aCaseFromAnotherDistrictsProblemOrByAnyoneButAnOfficeIsRefused() {
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		long cases = count("typical_case");

		assertThat(steps.write("nanan.admin", problem, "not ours", "SUBTREE").status()).isEqualTo(404);
		assertThat(steps.write("jiefangbei.worker", problem, "a caseworker", "SUBTREE").status()).isEqualTo(403);
		assertThat(steps.write("nanan.cadre", problem, "a cadre", "SUBTREE").status()).isEqualTo(403);
		Api.Reply blank = api.post(steps.token("yuzhong.admin"), "/api/v1/cases", Api.json("sourceKind", "PROBLEM",
				"sourceId", problem, "title", "", "background", "b", "actions", "a", "result", "r"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.text("detail")).contains("Title");
		assertThat(count("typical_case")).isEqualTo(cases);
	}

	@Test
	void photosAreImagesServedOnlyToThoseWhoReadTheCase() {
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		long id = steps.written("yuzhong.admin", problem, Api.uniqueCode("with photos "), "SUBTREE").path("id").asLong();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		Api.Reply added = api.upload(steps.token("yuzhong.admin"), "/api/v1/cases/" + id + "/photos?version=" + steps.version(id),
				"gate.png", png);
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		Api.Reply pdf = api.upload(steps.token("yuzhong.admin"), "/api/v1/cases/" + id + "/photos?version=" + steps.version(id),
				"plan.pdf", "%PDF-1.4 text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(pdf.status()).isEqualTo(400);

		JsonNode photo = api.get(steps.token("yuzhong.admin"), "/api/v1/cases/" + id).json().path("photos").get(0);
		String path = "/api/v1/cases/" + id + "/photos/" + photo.path("id").asLong();
		Api.Download own = api.download(steps.token("yuzhong.admin"), path);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.contentType()).isEqualTo("image/png");
		assertThat(own.bytes()).isEqualTo(png);
		assertThat(api.download(steps.token("nanan.admin"), path).status()).isEqualTo(404);
	}

	@Test
	void mechanismsNameWhatPromptedThemAndAreReadPerUnitAndCityWide() {
		long problem = steps.closedProblem(Api.uniqueCode("school gate "));
		String ledgerNo = steps.problem(problem).path("ledgerNo").asString();
		long caseId = steps.written("yuzhong.admin", problem, Api.uniqueCode("prompting case "), "SUBTREE").path("id").asLong();
		String title = Api.uniqueCode("guard posts at every school ");
		LocalDate today = LocalDate.now(Times.ZONE);

		// Yuzhong's office adopts one, prompted by the problem and the case
		Api.Reply adopted = api.post(steps.token("yuzhong.admin"), "/api/v1/mechanisms", Api.json("title", title, "appliesTo",
				"全区中小学校门周边", "adoptedOn", today.toString(), "body", "每所学校设护学岗", "problemLedgerNos", List.of(ledgerNo),
				"caseIds", List.of(caseId)));
		assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
		long id = adopted.json().path("id").asLong();
		assertThat(adopted.json().path("prompts").findValuesAsString("kind")).containsExactlyInAnyOrder("PROBLEM", "CASE");
		assertThat(adopted.json().path("prompts").findValuesAsString("label")).contains(ledgerNo);

		// listed for the district and its street, city-wide for the city office and the steering group; not for Nan'an
		assertThat(titles("yuzhong.admin", "?unit=" + CaseSteps.DISTRICT)).contains(title);
		assertThat(titles("jiefangbei.worker", "")).as("the units above one's own").contains(title);
		assertThat(titles("city.admin", "")).contains(title);
		assertThat(titles("steering.group", "")).contains(title);
		assertThat(titles("city.admin", "?unit=500108")).doesNotContain(title);
		assertThat(titles("nanan.admin", "")).doesNotContain(title);
		assertThat(api.get(steps.token("nanan.admin"), "/api/v1/mechanisms/" + id).status()).isEqualTo(404);
		assertThat(rebuilt("MECHANISM:" + id)).isEqualTo(new CampaignFigures("MECHANISM:" + id, 0, List.of(
				new CampaignFigures.Count("/500000/500103/", CampaignFigures.monthKey(today), "MECHANISMS", 1))));

		// bad input is refused and nothing is written: another district's problem, a date ahead, no text, a caseworker
		long mechanisms = count("mechanism");
		Api.Reply foreign = api.post(steps.token("nanan.admin"), "/api/v1/mechanisms", Api.json("title", "t", "appliesTo", "s",
				"adoptedOn", today.toString(), "body", "b", "problemLedgerNos", List.of(ledgerNo)));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.text("detail")).contains(ledgerNo);
		Api.Reply foreignCase = api.post(steps.token("nanan.admin"), "/api/v1/mechanisms", Api.json("title", "t", "appliesTo",
				"s", "adoptedOn", today.toString(), "body", "b", "caseIds", List.of(caseId)));
		assertThat(foreignCase.status()).isEqualTo(400);
		Api.Reply ahead = api.post(steps.token("yuzhong.admin"), "/api/v1/mechanisms", Api.json("title", "t", "appliesTo", "s",
				"adoptedOn", today.plusDays(1).toString(), "body", "b"));
		assertThat(ahead.status()).isEqualTo(400);
		assertThat(ahead.text("detail")).contains("later than today");
		assertThat(api.post(steps.token("yuzhong.admin"), "/api/v1/mechanisms", Api.json("title", "t", "appliesTo", "s",
				"adoptedOn", today.toString())).status()).as("neither text nor document").isEqualTo(400);
		assertThat(api.post(steps.token("jiefangbei.worker"), "/api/v1/mechanisms", Api.json("title", "t", "appliesTo", "s",
				"adoptedOn", today.toString(), "body", "b")).status()).isEqualTo(403);
		assertThat(count("mechanism")).isEqualTo(mechanisms);

		// edited by its own office with the version it saw; stale or foreign edits are refused
		String edit = Api.json("version", 0, "title", title, "appliesTo", "全区中小学、幼儿园校门周边", "adoptedOn",
				today.toString(), "body", "每所学校设护学岗", "problemLedgerNos", List.of(ledgerNo));
		assertThat(api.put(steps.token("nanan.admin"), "/api/v1/mechanisms/" + id, edit).status()).isEqualTo(404);
		Api.Reply edited = api.put(steps.token("yuzhong.admin"), "/api/v1/mechanisms/" + id, edit);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("prompts").size()).isEqualTo(1);
		assertThat(api.put(steps.token("yuzhong.admin"), "/api/v1/mechanisms/" + id, edit).status()).isEqualTo(409);
		assertThat(auditKinds("MECHANISM", id)).containsExactly("MECHANISM_ADOPT", "MECHANISM_EDIT");
		assertThat(rebuilt("MECHANISM:" + id).version()).isEqualTo(1);

		// its document: a PDF, read by those who read the mechanism
		byte[] pdf = "%PDF-1.4 guard posts".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(api.upload(steps.token("yuzhong.admin"), "/api/v1/mechanisms/" + id + "/document?version=1", "rule.exe",
				new byte[] { 'M', 'Z', 0, 0 }).status()).as("not a PDF or an image").isEqualTo(400);
		Api.Reply attached = api.upload(steps.token("yuzhong.admin"), "/api/v1/mechanisms/" + id + "/document?version=1",
				"rule.pdf", pdf);
		assertThat(attached.status()).as(attached.body()).isEqualTo(200);
		assertThat(attached.text("fileName")).isEqualTo("rule.pdf");
		Api.Download document = api.download(steps.token("jiefangbei.worker"), "/api/v1/mechanisms/" + id + "/document");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.contentType()).isEqualTo("application/pdf");
		assertThat(document.bytes()).isEqualTo(pdf);
		assertThat(api.download(steps.token("nanan.admin"), "/api/v1/mechanisms/" + id + "/document").status()).isEqualTo(404);
		assertThat(auditKinds("MECHANISM", id)).endsWith("MECHANISM_ATTACH");
	}

	@Test
	void theDemoCaseIsPublishedCityWideWithItsMechanism() {
		Api.Reply found = api.get(steps.token("nanan.admin"), "/api/v1/cases?q=" + java.net.URLEncoder.encode("护学岗进校门",
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.json().path("items")).hasSize(1);
		JsonNode demo = found.json().path("items").get(0);
		assertThat(demo.path("state").asString()).isEqualTo("PUBLISHED");
		assertThat(demo.path("reach").asString()).isEqualTo("CITY");
		assertThat(titles("yuzhong.admin", "?unit=" + CaseSteps.DISTRICT)).contains("渝中区校园周边护学岗常态化工作机制");
		assertThat(titles("nanan.admin", "?unit=500108")).contains("南岸区农贸市场周边停车秩序长效管理办法");
	}

	private List<String> titles(String username, String query) {
		Api.Reply reply = api.get(steps.token(username), "/api/v1/mechanisms" + query);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("items").findValuesAsString("title");
	}

	/** The item's figures as the dashboard's rebuild reads them. */
	private CampaignFigures rebuilt(String itemKey) {
		List<CampaignFigures> found = new ArrayList<>();
		facts.stream().filter(CaseFigures.class::isInstance).forEach(bean -> bean.forEach(figures -> {
			if (figures.itemKey().equals(itemKey)) {
				found.add(figures);
			}
		}));
		assertThat(found).as(itemKey).hasSize(1);
		return found.get(0);
	}

	private List<String> auditKinds(String subjectType, long id) {
		return jdbc.sql("select kind from audit_record where subject_type = :type and subject_id = :id order by id")
			.param("type", subjectType)
			.param("id", String.valueOf(id))
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
