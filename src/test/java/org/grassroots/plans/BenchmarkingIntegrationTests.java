package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.plans.internal.MeasureDeadlineJob;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The benchmarking view over three new districts with known answers: order, percentages,
 * on-time flags; visible to another district's staff, whose every other read and write of those
 * measures is refused.
 */
@IntegrationTest
class BenchmarkingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeasureDeadlineJob deadlines;

	@Test
	void districtsAreComparedOnOneIssueBestFirst() throws Exception {
		Api api = new Api(port);
		PlanSteps steps = new PlanSteps(api);
		String city = api.token("city.admin");
		LocalDate today = LocalDate.now(Times.ZONE);
		LocalDate start = today.minusMonths(3);
		LocalDate end = today.plusMonths(3);
		String a = Api.uniqueCode("BA");
		String b = Api.uniqueCode("BB");
		String c = Api.uniqueCode("BC");
		long districtA = steps.district(a);
		long districtB = steps.district(b);
		long districtC = steps.district(c);

		// A: one measure, done on time (10 of 10)
		long planA = steps.plan(city, districtA, List.of("CHILDCARE"), start, end).path("id").asLong();
		long a1 = steps.measure(city, planA, "CHILDCARE", null, start, today.plusMonths(1), 10, "所", false).path("id").asLong();
		steps.added(city, a1, 10);
		// B: one half done (5 of 10), one done (4 of 4): mean 75
		long planB = steps.plan(city, districtB, List.of("CHILDCARE"), start, end).path("id").asLong();
		long b1 = steps.measure(city, planB, "CHILDCARE", null, start, today.plusMonths(1), 10, "所", false).path("id").asLong();
		long b2 = steps.measure(city, planB, "CHILDCARE", null, start, today.plusMonths(2), 4, "所", false).path("id").asLong();
		steps.added(city, b1, 5);
		steps.added(city, b2, 4);
		// C: 2 of 10 and past its deadline: overdue
		long planC = steps.plan(city, districtC, List.of("CHILDCARE"), start, end).path("id").asLong();
		long c1 = steps.measure(city, planC, "CHILDCARE", null, start, today.minusDays(1), 10, "所", false).path("id").asLong();
		steps.added(city, c1, 2);
		deadlines.flagOverdue();

		// Yuzhong's administrator sees the three rows, in that order
		String yuzhong = api.token("yuzhong.admin");
		Api.Reply reply = api.get(yuzhong, "/api/v1/plans/benchmark?category=CHILDCARE");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> ours = new ArrayList<>();
		reply.json().path("districts").forEach(row -> {
			if (List.of(a, b, c).contains(row.path("districtCode").asString())) {
				ours.add(row);
			}
		});
		assertThat(ours).extracting(row -> row.path("districtCode").asString()).containsExactly(a, b, c);
		assertThat(ours).extracting(row -> row.path("averagePercent").asDouble()).containsExactly(100.0, 75.0, 20.0);
		assertThat(ours).extracting(row -> List.of(row.path("onTime").asInt(), row.path("late").asInt(), row.path("overdue").asInt()))
			.containsExactly(List.of(1, 0, 0), List.of(1, 0, 0), List.of(0, 0, 1));
		assertThat(ours).allMatch(row -> !row.path("own").asBoolean());
		assertThat(ours.get(0).path("rank").asInt()).isLessThan(ours.get(1).path("rank").asInt());
		assertThat(ours.get(0).path("nameZh").asString()).isEqualTo("测试区" + a);
		// B's measures best first: the done one, then the half done one (on track)
		assertThat(ours.get(1).path("measures")).extracting(line -> line.path("measureId").asLong()).containsExactly(b2, b1);
		assertThat(ours.get(1).path("measures").get(1).path("percent").asDouble()).isEqualTo(50.0);
		assertThat(ours.get(1).path("measures").get(1).path("timeliness").asString()).isEqualTo("ON_TRACK");
		assertThat(ours.get(2).path("measures").get(0).path("timeliness").asString()).isEqualTo("OVERDUE");
		// exactly one district and one measure are the best, and they lead the view
		JsonNode first = reply.json().path("districts").get(0);
		assertThat(first.path("best").asBoolean()).isTrue();
		assertThat(reply.json().path("districts").findValues("best").stream().filter(JsonNode::asBoolean).count())
			.isEqualTo(1 + 1);
		// no person names: the owner person is not in the view
		assertThat(reply.body()).doesNotContain("王主任");

		// the viewer's own district is highlighted once it has a measure there
		long yuzhongPlan = steps.plan(yuzhong, null, List.of("CHILDCARE"), start, end).path("id").asLong();
		steps.measure(yuzhong, yuzhongPlan, "CHILDCARE", null, start, end, 3, "所", false);
		JsonNode again = api.get(yuzhong, "/api/v1/plans/benchmark?category=CHILDCARE").json();
		List<String> own = new ArrayList<>();
		again.path("districts").forEach(row -> {
			if (row.path("own").asBoolean()) {
				own.add(row.path("districtCode").asString());
			}
		});
		assertThat(own).containsExactly("500103");

		// but A's measure itself is out of Yuzhong's scope: its page, plan and every write are refused
		assertThat(api.get(yuzhong, "/api/v1/plans/measures/" + a1).status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/plans/" + planA).status()).isEqualTo(404);
		assertThat(api.post(yuzhong, "/api/v1/plans/measures/" + b1 + "/progress", Api.json("added", 1, "version", 1))
			.status()).isEqualTo(404);
		assertThat(api.post(yuzhong, "/api/v1/plans/measures/" + b1 + "/milestones",
				Api.json("title", "x", "dueOn", today.toString(), "version", 1)).status()).isEqualTo(404);
		assertThat(api.delete(yuzhong, "/api/v1/plans/measures/" + b1 + "/problems/1?version=1").status()).isEqualTo(404);
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		var benchmark = page.get("/plans/benchmark?category=CHILDCARE");
		assertThat(benchmark.statusCode()).isEqualTo(200);
		assertThat(benchmark.body()).contains("测试区" + a).contains("data-measure=\"" + a1 + "\"")
			.doesNotContain("/plans/measures/" + a1);
		assertThat(page.get("/plans/measures/" + a1).statusCode()).isEqualTo(404);

		// an unknown issue is bad input
		assertThat(api.get(api.token("city.admin"), "/api/v1/plans/benchmark?category=NOPE").status()).isEqualTo(400);
	}

	@Test
	void aStreetMovedToAnotherDistrictTakesItsMeasuresThere() {
		Api api = new Api(port);
		PlanSteps steps = new PlanSteps(api);
		String city = api.token("city.admin");
		LocalDate today = LocalDate.now(Times.ZONE);
		String from = Api.uniqueCode("MA");
		String to = Api.uniqueCode("MB");
		long fromId = steps.district(from);
		long toId = steps.district(to);
		Api.Reply street = api.post(city, "/api/v1/units", Api.json("code", from + "01", "parentId", fromId, "nameZh",
				"测试街道" + from, "nameEn", "Test street " + from, "level", "STREET"));
		assertThat(street.status()).as(street.body()).isEqualTo(201);
		long streetId = street.json().path("id").asLong();
		long plan = steps.plan(city, streetId, List.of("ELDERLY_CARE"), today.minusMonths(1), today.plusMonths(2))
			.path("id")
			.asLong();
		long measure = steps.measure(city, plan, "ELDERLY_CARE", null, today.minusMonths(1), today.plusMonths(1), 4, "所",
				false).path("id").asLong();

		Api.Reply moved = api.post(city, "/api/v1/units/" + streetId + "/move",
				Api.json("parentId", toId, "version", street.json().path("version").asInt()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		List<String> districts = new ArrayList<>();
		api.get(city, "/api/v1/plans/benchmark?category=ELDERLY_CARE").json().path("districts").forEach(row -> {
			row.path("measures").forEach(line -> {
				if (line.path("measureId").asLong() == measure) {
					districts.add(row.path("districtCode").asString());
				}
			});
		});
		assertThat(districts).containsExactly(to);
		assertThat(steps.get(city, measure).path("ownerUnitPath").asString()).startsWith(moved.json().path("path").asString());
	}

}
