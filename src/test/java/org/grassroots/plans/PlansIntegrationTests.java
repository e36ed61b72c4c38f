package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.plans.internal.MeasureDeadlineJob;
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

/** Plans and measures on the real app and database: lifecycle, overdue, bad input, scope, export. */
@IntegrationTest
class PlansIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureDeadlineJob deadlines;

	@Autowired
	List<CampaignFacts> facts;

	Api api;

	PlanSteps steps;

	String nanan;

	String yuzhong;

	LocalDate today;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new PlanSteps(api);
		nanan = api.token("nanan.admin");
		yuzhong = api.token("yuzhong.admin");
		today = LocalDate.now(Times.ZONE);
	}

	@Test
	void aPlansPageNamesTheUnitsItCovers() throws Exception {
		long street = steps.unitId("500108002");
		JsonNode plan = steps.plan(nanan, null, List.of("ELEVATOR"), today.minusDays(1), today.plusMonths(1));
		api.put(nanan, "/api/v1/plans/" + plan.path("id").asLong(), Api.json("title", "covered", "categoryCodes",
				List.of("ELEVATOR"), "coveredUnitIds", List.of(street), "periodStart", today.minusDays(1).toString(),
				"periodEnd", today.plusMonths(1).toString(), "version", plan.path("version").asInt()));
		PageClient page = new PageClient(port);
		page.signIn("nanan.admin", Api.DEMO_PASSWORD);
		String body = page.get("/plans/" + plan.path("id").asLong()).body();
		assertThat(body).contains("花园路街道").doesNotContain(">null<");
	}

	@Test
	void aMeasureGoesFromPlannedThroughProgressWithEvidenceToDoneOnTime() {
		JsonNode plan = steps.plan(nanan, null, List.of("ELEVATOR"), today.minusDays(10), today.plusMonths(3));
		assertThat(plan.path("coveredUnitIds")).hasSize(1);
		long street = steps.unitId("500108002");
		JsonNode created = steps.measure(nanan, plan.path("id").asLong(), "ELEVATOR", street, today.minusDays(5),
				today.plusMonths(2), 20, "部", false);
		long id = created.path("id").asLong();
		assertThat(created.path("status").asString()).isEqualTo("PLANNED");
		assertThat(figures(id)).containsExactlyInAnyOrder(month(created, "MEASURES_DUE"), now(created, "MEASURES_OPEN"));

		// the first progress starts it; a quarter done
		JsonNode started = steps.added(nanan, id, 5);
		assertThat(started.path("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(started.path("percent").asDouble()).isEqualTo(25.0);

		// a stale version is refused with 409 and changes nothing
		Api.Reply stale = api.post(nanan, "/api/v1/plans/measures/" + id + "/progress",
				Api.json("added", 1, "version", created.path("version").asInt()));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(steps.get(nanan, id).path("progress").asInt()).isEqualTo(5);

		// the street's caseworker works the measure: the rest with a photo as evidence reaches the target
		String worker = api.token("huayuanlu.worker");
		Api.Reply withPhoto = api.upload(worker, "/api/v1/plans/measures/" + id + "/progress?added=15&note=installed&version="
				+ started.path("version").asInt(), "elevator.png", PNG);
		assertThat(withPhoto.status()).as(withPhoto.body()).isEqualTo(200);
		JsonNode done = withPhoto.json();
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("progress").asInt()).isEqualTo(20);
		assertThat(done.path("doneOn").asString()).isEqualTo(today.toString());
		assertThat(done.path("timeliness").asString()).isEqualTo("ON_TIME");
		assertThat(figures(id)).containsExactlyInAnyOrder(month(created, "MEASURES_DUE"), month(created, "MEASURES_DONE"),
				month(created, "MEASURES_DONE_ON_TIME"));

		// the page of the measure: reports with evidence, milestones; marking done again is refused
		JsonNode detail = api.get(nanan, "/api/v1/plans/measures/" + id).json();
		assertThat(detail.path("reports")).hasSize(2);
		JsonNode evidence = detail.path("reports").get(0).path("evidence").get(0);
		assertThat(evidence.path("contentType").asString()).isEqualTo("image/png");
		long milestone = detail.path("milestones").get(0).path("id").asLong();
		assertThat(api.post(nanan, "/api/v1/plans/measures/" + id + "/milestones/" + milestone + "/done",
				Api.json("version", done.path("version").asInt())).status()).isEqualTo(200);
		assertThat(api.post(nanan, "/api/v1/plans/measures/" + id + "/done",
				Api.json("version", done.path("version").asInt() + 1)).status()).isEqualTo(409);

		// the leading cadre reads but does not work it
		String cadre = api.token("nanan.cadre");
		assertThat(api.get(cadre, "/api/v1/plans/measures/" + id).status()).isEqualTo(200);
		assertThat(api.post(cadre, "/api/v1/plans/measures/" + id + "/progress",
				Api.json("added", 1, "version", done.path("version").asInt() + 1)).status()).isEqualTo(403);

		// every change is in the audit log
		assertThat(jdbc.sql("select kind from audit_record where subject_type = 'WORK_MEASURE' and subject_id = :id order by id")
			.param("id", String.valueOf(id)).query(String.class).list()).containsExactly("MEASURE_CREATED",
					"MEASURE_PROGRESS_REPORTED", "MEASURE_PROGRESS_REPORTED", "MEASURE_MILESTONE_DONE");

		// the evidence downloads as it was sent (a streamed answer: last, as the connection closes after it)
		Api.Download file = api.download(nanan, "/api/v1/plans/measures/" + id + "/evidence/" + evidence.path("id").asLong());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.bytes()).isEqualTo(PNG);
	}

	@Test
	void aMeasureWithoutATargetIsDoneOnlyWithEvidence() {
		JsonNode plan = steps.plan(nanan, null, List.of("PARKING"), today.minusDays(10), today.plusMonths(3));
		long id = steps.measure(nanan, plan.path("id").asLong(), "PARKING", null, today, today.plusMonths(1), null, null,
				false).path("id").asLong();
		Api.Reply bare = api.post(nanan, "/api/v1/plans/measures/" + id + "/done", Api.json("note", "done", "version", 0));
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.text("detail")).contains("needs evidence");
		assertThat(steps.get(nanan, id).path("status").asString()).isEqualTo("PLANNED");
		Api.Reply report = api.upload(nanan, "/api/v1/plans/measures/" + id + "/progress?achieved=0&version=0", "minutes.pdf",
				"%PDF-1.4 minutes".getBytes());
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode done = api.post(nanan, "/api/v1/plans/measures/" + id + "/done", Api.json("note", "done", "version", 1)).json();
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
	}

	@Test
	void aMeasurePastItsDeadlineBecomesOverdueOnceAndIsDoneLateAfterwards() {
		LocalDate start = today.minusMonths(6);
		JsonNode plan = steps.plan(yuzhong, null, List.of("PARKING"), start, today.plusMonths(1));
		JsonNode created = steps.measure(yuzhong, plan.path("id").asLong(), "PARKING", null, start, today.minusDays(1), 10,
				"个", false);
		long id = created.path("id").asLong();
		// due today is not overdue; due yesterday is
		long dueToday = steps.measure(yuzhong, plan.path("id").asLong(), "PARKING", null, start, today, 10, "个", false)
			.path("id").asLong();
		assertThat(deadlines.flagOverdue()).isPresent();
		JsonNode overdue = steps.get(yuzhong, id);
		assertThat(overdue.path("status").asString()).isEqualTo("OVERDUE");
		assertThat(steps.get(yuzhong, dueToday).path("status").asString()).isEqualTo("PLANNED");
		assertThat(figures(id)).containsExactlyInAnyOrder(month(created, "MEASURES_DUE"), now(created, "MEASURES_OPEN"),
				now(created, "MEASURES_OVERDUE"));

		// a second run changes nothing
		deadlines.flagOverdue();
		assertThat(steps.get(yuzhong, id).path("version").asInt()).isEqualTo(overdue.path("version").asInt());
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'MEASURE_OVERDUE' and subject_id = :id")
			.param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);

		// progress keeps it overdue until the target is reached: then done, late
		assertThat(steps.added(yuzhong, id, 4).path("status").asString()).isEqualTo("OVERDUE");
		JsonNode late = steps.added(yuzhong, id, 6);
		assertThat(late.path("status").asString()).isEqualTo("DONE");
		assertThat(late.path("timeliness").asString()).isEqualTo("LATE");
		assertThat(figures(id)).containsExactlyInAnyOrder(month(created, "MEASURES_DUE"), month(created, "MEASURES_DONE"));
	}

	@Test
	void aMeasureRedefinedByItsPlansWriterTakesTheStatusItsNewDefinitionGives() {
		LocalDate start = today.minusMonths(2);
		long plan = steps.plan(yuzhong, null, List.of("PARKING"), start, today.plusMonths(2)).path("id").asLong();
		JsonNode created = steps.measure(yuzhong, plan, "PARKING", null, start, today.minusDays(2), 10, "个", false);
		long id = created.path("id").asLong();
		deadlines.flagOverdue();
		JsonNode overdue = steps.get(yuzhong, id);
		assertThat(overdue.path("status").asString()).isEqualTo("OVERDUE");

		// a caseworker of the district works it but does not redefine it; a backwards deadline is refused
		String body = Api.json("title", "more spaces", "ownerPerson", "吴科长", "startDate", start.toString(), "deadline",
				today.plusMonths(1).toString(), "targetAmount", 10, "targetUnit", "个", "advanceOnClose", false, "version",
				overdue.path("version").asInt());
		assertThat(api.put(api.token("jiefangbei.worker"), "/api/v1/plans/measures/" + id, body).status()).isIn(403, 404);
		Api.Reply backwards = api.put(yuzhong, "/api/v1/plans/measures/" + id, Api.json("title", "x", "ownerPerson", "吴科长",
				"startDate", today.toString(), "deadline", today.minusDays(1).toString(), "version", overdue.path("version").asInt()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(steps.get(yuzhong, id).path("version").asInt()).isEqualTo(overdue.path("version").asInt());

		// the deadline moved ahead: planned again, with new figures
		JsonNode moved = api.put(yuzhong, "/api/v1/plans/measures/" + id, body).json();
		assertThat(moved.path("status").asString()).isEqualTo("PLANNED");
		assertThat(moved.path("title").asString()).isEqualTo("more spaces");
		assertThat(figures(id)).containsExactlyInAnyOrder(month(moved, "MEASURES_DUE"), now(moved, "MEASURES_OPEN"));
		assertThat(api.put(yuzhong, "/api/v1/plans/measures/" + id, body).status()).isEqualTo(409);

		// three done, and the target lowered to three: done
		steps.added(yuzhong, id, 3);
		JsonNode lowered = api.put(yuzhong, "/api/v1/plans/measures/" + id, Api.json("title", "fewer spaces", "ownerPerson",
				"吴科长", "startDate", start.toString(), "deadline", today.plusMonths(1).toString(), "targetAmount", 3,
				"targetUnit", "个", "advanceOnClose", false, "version", steps.get(yuzhong, id).path("version").asInt())).json();
		assertThat(lowered.path("status").asString()).isEqualTo("DONE");
		assertThat(lowered.path("timeliness").asString()).isEqualTo("ON_TIME");
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndNothingWritten() {
		int plans = count("research_plan");
		Api.Reply backwards = api.post(nanan, "/api/v1/plans", Api.json("title", "backwards", "categoryCodes", List.of("ELEVATOR"),
				"periodStart", today.toString(), "periodEnd", today.minusDays(1).toString()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.text("detail")).contains("The end may not be before the start");
		Api.Reply noCategory = api.post(nanan, "/api/v1/plans", Api.json("title", "no issue", "categoryCodes", List.of(),
				"periodStart", today.toString(), "periodEnd", today.plusDays(1).toString()));
		assertThat(noCategory.status()).isEqualTo(400);
		assertThat(noCategory.text("detail")).contains("Pressing issues targeted");
		assertThat(api.post(nanan, "/api/v1/plans", Api.json("title", "bad issue", "categoryCodes", List.of("NOPE"),
				"periodStart", today.toString(), "periodEnd", today.plusDays(1).toString())).text("detail"))
			.contains("There is no category NOPE");
		assertThat(count("research_plan")).isEqualTo(plans);

		long plan = steps.plan(nanan, null, List.of("ELEVATOR"), today, today.plusMonths(2)).path("id").asLong();
		int measures = count("work_measure");
		int milestones = count("measure_milestone");
		Api.Reply deadline = steps.addMeasure(nanan, plan, "ELEVATOR", null, today.plusDays(10), today.plusDays(9), 20, "部",
				false);
		assertThat(deadline.status()).isEqualTo(400);
		assertThat(deadline.text("detail")).isEqualTo("The deadline may not be before the start.");
		Api.Reply noUnit = steps.addMeasure(nanan, plan, "ELEVATOR", null, today, today.plusDays(9), 20, null, false);
		assertThat(noUnit.status()).isEqualTo(400);
		assertThat(noUnit.text("detail")).contains("A target amount needs its unit");
		Api.Reply noAmount = steps.addMeasure(nanan, plan, "ELEVATOR", null, today, today.plusDays(9), null, "部", false);
		assertThat(noAmount.text("detail")).contains("A target unit needs a target amount");
		assertThat(steps.addMeasure(nanan, plan, "ELEVATOR", null, today, today.plusMonths(3), 20, "部", false).text("detail"))
			.contains("within the plan's period");
		assertThat(steps.addMeasure(nanan, plan, "PARKING", null, today, today.plusDays(9), 20, "部", false).text("detail"))
			.contains("one the plan targets");
		assertThat(steps.addMeasure(nanan, plan, "ELEVATOR", steps.unitId("500103"), today, today.plusDays(9), 20, "部", false)
			.text("detail")).contains("The owner unit must be");
		assertThat(count("work_measure")).isEqualTo(measures);
		assertThat(count("measure_milestone")).isEqualTo(milestones);

		// a progress report with both amounts, or a file that is not an image or PDF, writes nothing either
		long id = steps.measure(nanan, plan, "ELEVATOR", null, today, today.plusDays(9), 20, "部", false).path("id").asLong();
		int reports = count("measure_progress");
		assertThat(api.post(nanan, "/api/v1/plans/measures/" + id + "/progress", Api.json("added", 1, "achieved", 3, "version", 0))
			.status()).isEqualTo(400);
		Api.Reply script = api.upload(nanan, "/api/v1/plans/measures/" + id + "/progress?added=1&version=0", "x.png",
				"<script>".getBytes());
		assertThat(script.status()).isEqualTo(400);
		assertThat(count("measure_progress")).isEqualTo(reports);
		assertThat(steps.get(nanan, id).path("version").asInt()).isZero();
	}

	@Test
	void anotherDistrictsUsersAreRefusedEveryReadAndWrite() throws Exception {
		JsonNode plan = steps.plan(nanan, null, List.of("ELEVATOR"), today, today.plusMonths(2));
		long planId = plan.path("id").asLong();
		long id = steps.measure(nanan, planId, "ELEVATOR", null, today, today.plusMonths(1), 5, "部", false).path("id").asLong();
		for (String other : List.of(yuzhong, api.token("jiefangbei.worker"))) {
			assertThat(api.get(other, "/api/v1/plans/" + planId).status()).isEqualTo(404);
			assertThat(api.get(other, "/api/v1/plans").body()).doesNotContain("\"id\":" + planId + ",");
			assertThat(api.get(other, "/api/v1/plans/measures/" + id).status()).isEqualTo(404);
			assertThat(api.put(other, "/api/v1/plans/" + planId, Api.json("title", "taken", "categoryCodes", List.of("ELEVATOR"),
					"periodStart", today.toString(), "periodEnd", today.plusMonths(2).toString(), "version", 0)).status())
				.isEqualTo(404);
			assertThat(steps.addMeasure(other, planId, "ELEVATOR", null, today, today.plusDays(5), 1, "部", false).status())
				.isEqualTo(404);
			assertThat(api.post(other, "/api/v1/plans/measures/" + id + "/progress", Api.json("added", 1, "version", 0))
				.status()).isEqualTo(404);
			assertThat(api.post(other, "/api/v1/plans/measures/" + id + "/done", Api.json("version", 0)).status())
				.isEqualTo(404);
			assertThat(api.post(other, "/api/v1/plans/measures/" + id + "/problems", Api.json("ledgerNo", "X", "version", 0))
				.status()).isEqualTo(404);
		}
		// Yuzhong may not write a plan for Nan'an either
		assertThat(api.post(yuzhong, "/api/v1/plans", Api.json("title", "theirs", "categoryCodes", List.of("ELEVATOR"),
				"ownerUnitId", steps.unitId("500108"), "periodStart", today.toString(), "periodEnd", today.plusDays(1).toString()))
			.status()).isEqualTo(404);
		assertThat(steps.get(nanan, id).path("version").asInt()).isZero();
		// and the pages answer 404 too
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(page.get("/plans/measures/" + id).statusCode()).isEqualTo(404);
		assertThat(page.get("/plans/" + planId).statusCode()).isEqualTo(404);
	}

	@Test
	void aPlanIsEditedAtItsVersionAndKeepsItsMeasuresInside() {
		JsonNode plan = steps.plan(nanan, null, List.of("ELEVATOR", "PARKING"), today, today.plusMonths(3));
		long planId = plan.path("id").asLong();
		steps.measure(nanan, planId, "PARKING", null, today, today.plusMonths(2), 5, "个", false);
		long street = steps.unitId("500108002");
		Api.Reply edited = api.put(nanan, "/api/v1/plans/" + planId, Api.json("title", "renamed", "categoryCodes",
				List.of("ELEVATOR", "PARKING"), "coveredUnitIds", List.of(street), "periodStart", today.toString(), "periodEnd",
				today.plusMonths(4).toString(), "version", 0));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("coveredUnitIds").get(0).asLong()).isEqualTo(street);
		assertThat(api.put(nanan, "/api/v1/plans/" + planId, Api.json("title", "stale", "categoryCodes", List.of("ELEVATOR"),
				"periodStart", today.toString(), "periodEnd", today.plusMonths(4).toString(), "version", 0)).status())
			.isIn(400, 409);
		Api.Reply dropsParking = api.put(nanan, "/api/v1/plans/" + planId, Api.json("title", "no parking", "categoryCodes",
				List.of("ELEVATOR"), "periodStart", today.toString(), "periodEnd", today.plusMonths(4).toString(), "version", 1));
		assertThat(dropsParking.status()).isEqualTo(400);
		assertThat(dropsParking.text("detail")).contains("would fall outside the plan");
		Api.Reply outside = api.put(nanan, "/api/v1/plans/" + planId, Api.json("title", "x", "categoryCodes",
				List.of("ELEVATOR", "PARKING"), "coveredUnitIds", List.of(steps.unitId("500103")), "periodStart", today.toString(),
				"periodEnd", today.plusMonths(4).toString(), "version", 1));
		assertThat(outside.text("detail")).contains("Units covered must be");
		Api.Reply stale = api.put(nanan, "/api/v1/plans/" + planId, Api.json("title", "stale", "categoryCodes",
				List.of("ELEVATOR", "PARKING"), "periodStart", today.toString(), "periodEnd", today.plusMonths(4).toString(),
				"version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get(nanan, "/api/v1/plans/" + planId).json().path("plan").path("title").asString()).isEqualTo("renamed");
	}

	@Test
	void theExportHoldsThePlansInScopeWithTheirMeasures() throws Exception {
		JsonNode mine = steps.plan(nanan, null, List.of("ELEVATOR"), today, today.plusMonths(2));
		steps.measure(nanan, mine.path("id").asLong(), "ELEVATOR", null, today, today.plusMonths(1), 12, "部", false);
		JsonNode theirs = steps.plan(yuzhong, null, List.of("ELEVATOR"), today, today.plusMonths(2));
		Api.Download file = api.download(nanan, "/api/v1/plans/export.xlsx");
		assertThat(file.status()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
			for (Row row : book.getSheetAt(0)) {
				titles.add(row.getCell(0).getStringCellValue());
				if (row.getCell(0).getStringCellValue().equals(mine.path("title").asString())) {
					targets.add(row.getCell(10).getStringCellValue());
				}
			}
		}
		assertThat(titles.get(0)).isEqualTo("Plan title");
		assertThat(titles).contains(mine.path("title").asString()).doesNotContain(theirs.path("title").asString());
		assertThat(targets).containsExactly("部");
	}

	private List<CampaignFigures.Count> figures(long measureId) {
		List<CampaignFigures> found = new ArrayList<>();
		facts.forEach(each -> each.forEach(figures -> {
			if (figures.itemKey().equals("MEASURE:" + measureId)) {
				found.add(figures);
			}
		}));
		assertThat(found).hasSize(1);
		return found.get(0).counts();
	}

	private static CampaignFigures.Count month(JsonNode measure, String code) {
		return new CampaignFigures.Count(measure.path("ownerUnitPath").asString(),
				CampaignFigures.monthKey(LocalDate.parse(measure.path("deadline").asString())), code, 1);
	}

	private static CampaignFigures.Count now(JsonNode measure, String code) {
		return new CampaignFigures.Count(measure.path("ownerUnitPath").asString(), CampaignFigures.NOW, code, 1);
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
