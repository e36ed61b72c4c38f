package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;

import tools.jackson.databind.JsonNode;

/** Writes plans and measures through the real API, so scenarios read as steps. */
final class PlanSteps {

	final Api api;

	PlanSteps(Api api) {
		this.api = api;
	}

	long unitId(String code) {
		Api.Reply reply = api.get(api.token("city.admin"), "/api/v1/units/by-code/" + code);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("id").asLong();
	}

	/** A new district below the city, with a street, for comparisons with known answers. */
	long district(String code) {
		String city = api.token("city.admin");
		Api.Reply created = api.post(city, "/api/v1/units", Api.json("code", code, "parentId", unitId("500000"), "nameZh",
				"测试区" + code, "nameEn", "Test district " + code, "level", "DISTRICT"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	JsonNode plan(String token, Long ownerUnitId, List<String> categories, LocalDate start, LocalDate end) {
		Api.Reply reply = api.post(token, "/api/v1/plans", Api.json("title", "plan " + Api.uniqueCode(""), "topics",
				"what we look into", "categoryCodes", categories, "ownerUnitId", ownerUnitId, "periodStart", start.toString(),
				"periodEnd", end.toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	JsonNode measure(String token, long planId, String category, Long ownerUnitId, LocalDate start, LocalDate deadline,
			Integer target, String unit, boolean advanceOnClose) {
		Api.Reply reply = addMeasure(token, planId, category, ownerUnitId, start, deadline, target, unit, advanceOnClose);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	Api.Reply addMeasure(String token, long planId, String category, Long ownerUnitId, LocalDate start,
			LocalDate deadline, Integer target, String unit, boolean advanceOnClose) {
		return api.post(token, "/api/v1/plans/" + planId + "/measures", Api.json("title", "measure " + Api.uniqueCode(""),
				"categoryCode", category, "ownerUnitId", ownerUnitId, "ownerPerson", "王主任", "startDate", start.toString(),
				"deadline", deadline.toString(), "targetAmount", target, "targetUnit", unit, "advanceOnClose", advanceOnClose,
				"milestones", List.of(Map.of("title", "survey", "dueOn", start.toString()))));
	}

	JsonNode get(String token, long measureId) {
		Api.Reply reply = api.get(token, "/api/v1/plans/measures/" + measureId);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("measure");
	}

	JsonNode added(String token, long measureId, int added) {
		Api.Reply reply = api.post(token, "/api/v1/plans/measures/" + measureId + "/progress",
				Api.json("added", added, "note", "done " + added, "version", get(token, measureId).path("version").asInt()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

}
