package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.grassroots.support.Api;

import tools.jackson.databind.JsonNode;

/** Drives problems through the real API as the demo people, so scenarios read as steps. */
final class ProblemSteps {

	static final String COMMUNITY = "500108002001";

	static final String STREET = "500108002";

	final Api api;

	private final Map<String, String> tokens = new HashMap<>();

	ProblemSteps(Api api) {
		this.api = api;
	}

	/** A resident's report and its tracking code. */
	record Report(long id, String ledgerNo, String trackingCode) {

	}

	String token(String username) {
		return tokens.computeIfAbsent(username, api::token);
	}

	long unitId(String code) {
		Api.Reply reply = api.get(token("city.admin"), "/api/v1/units/by-code/" + code);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("id").asLong();
	}

	/** A resident's report; the title should be unique so the test can find it. */
	Report report(String communityCode, String category, String title) {
		return report(communityCode, category, title, "13912345678");
	}

	/** A resident's report with their phone number. */
	Report report(String communityCode, String category, String title, String phone) {
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", unitId(communityCode),
				"categoryCode", category, "title", title, "description", "resident says: " + title, "phone", phone,
				"discloseIdentity", false));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode problem = byLedger(reply.text("ledgerNo"), title);
		return new Report(problem.path("id").asLong(), reply.text("ledgerNo"), reply.text("trackingCode"));
	}

	/** Finds a problem by its unique title as the city office, which sees everything. */
	private JsonNode byLedger(String ledgerNo, String title) {
		Api.Reply found = api.get(token("city.admin"), "/api/v1/problems?q=" + java.net.URLEncoder.encode(title,
				java.nio.charset.StandardCharsets.UTF_8));
		for (JsonNode item : found.json().path("items")) {
			if (item.path("ledgerNo").asString().equals(ledgerNo)) {
				return item;
			}
		}
		throw new AssertionError("no problem " + ledgerNo + " in " + found.body());
	}

	/** Registers a problem as staff and answers its id. */
	long register(String username, String title) {
		Api.Reply reply = api.post(token(username), "/api/v1/problems", Api.json("title", title, "description",
				"found on a visit: " + title, "source", "SELF_FOUND", "categoryCode", "PARKING"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("id").asLong();
	}

	JsonNode problem(String username, long id) {
		Api.Reply reply = api.get(token(username), "/api/v1/problems/" + id);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("problem");
	}

	int version(long id) {
		return problem("city.admin", id).path("version").asInt();
	}

	String state(long id) {
		return problem("city.admin", id).path("state").asString();
	}

	/** Sends a command with the current version and the given fields; answers the reply. */
	Api.Reply command(String username, long id, String action, Object... fields) {
		Object[] all = new Object[fields.length + 2];
		all[0] = "version";
		all[1] = version(id);
		System.arraycopy(fields, 0, all, 2, fields.length);
		return api.post(token(username), "/api/v1/problems/" + id + "/" + action, Api.json(all));
	}

	/** The same command, which must succeed. */
	JsonNode ok(String username, long id, String action, Object... fields) {
		Api.Reply reply = command(username, id, action, fields);
		assertThat(reply.status()).as(action + " by " + username + ": " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	/** Accepts as the Nan'an office, assigns to Huayuanlu street, plans and submits as the street. */
	void toSubmitted(long id) {
		ok("nanan.admin", id, "accept");
		ok("nanan.admin", id, "assign", "unitId", unitId(STREET), "person", "张工作人员");
		ok("huayuanlu.worker", id, "plan", "measures", "clear the lane and paint the bays");
		ok("huayuanlu.worker", id, "submit", "evidence", "photos of the painted bays");
	}

}
