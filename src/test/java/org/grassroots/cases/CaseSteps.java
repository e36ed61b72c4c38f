package org.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;

import tools.jackson.databind.JsonNode;

/** Drives problems and cases through the real API as the demo people, so scenarios read as steps. */
final class CaseSteps {

	/** A Yuzhong community, its street (Jiefangbei) and district. */
	static final String COMMUNITY = "500103901001";

	static final String STREET = "500103901";

	static final String DISTRICT = "500103";

	static final String PASSWORD = "a-long-cases-password";

	final Api api;

	private final Map<String, String> tokens = new HashMap<>();

	CaseSteps(Api api) {
		this.api = api;
	}

	String token(String username) {
		return tokens.computeIfAbsent(username, name -> name.startsWith("jfb") ? api.token(name, PASSWORD) : api.token(name));
	}

	long unitId(String code) {
		Api.Reply reply = api.get(token("city.admin"), "/api/v1/units/by-code/" + code);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("id").asLong();
	}

	/** A unit administrator of Jiefangbei street: the demo data has none, so each test class opens one. */
	String streetOffice() {
		String username = "jfb" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName",
				"解放碑街道主题教育办", "unitCode", STREET, "roles", List.of(Map.of("role", "UNIT_ADMIN")), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	JsonNode problem(long id) {
		Api.Reply reply = api.get(token("city.admin"), "/api/v1/problems/" + id);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("problem");
	}

	JsonNode ok(String username, long problemId, String action, Object... fields) {
		Object[] all = new Object[fields.length + 2];
		all[0] = "version";
		all[1] = problem(problemId).path("version").asInt();
		System.arraycopy(fields, 0, all, 2, fields.length);
		Api.Reply reply = api.post(token(username), "/api/v1/problems/" + problemId + "/" + action, Api.json(all));
		assertThat(reply.status()).as(action + " by " + username + ": " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	/** A resident's report in Yuzhong, not yet acted on. */
	long openProblem(String title) {
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", unitId(COMMUNITY),
				"categoryCode", "EDUCATION", "title", title, "description", "residents say: " + title, "phone", "13912345678",
				"discloseIdentity", false));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Api.Reply found = api.get(token("city.admin"), "/api/v1/problems?q=" + java.net.URLEncoder.encode(title,
				java.nio.charset.StandardCharsets.UTF_8));
		for (JsonNode item : found.json().path("items")) {
			if (item.path("ledgerNo").asString().equals(reply.text("ledgerNo"))) {
				return item.path("id").asLong();
			}
		}
		throw new AssertionError("no problem " + reply.text("ledgerNo"));
	}

	/** A Yuzhong problem taken to closure: accepted, assigned to Jiefangbei, rectified and recognized by both sides. */
	long closedProblem(String title) {
		long id = openProblem(title);
		ok("yuzhong.admin", id, "accept");
		ok("yuzhong.admin", id, "assign", "unitId", unitId(STREET), "person", "赵工作人员");
		ok("jiefangbei.worker", id, "plan", "measures", "set up a school-gate guard post");
		ok("jiefangbei.worker", id, "submit", "evidence", "photos of the guard post at work");
		ok("yuzhong.admin", id, "recognize");
		ok("jiefangbei.worker", id, "recognize");
		assertThat(problem(id).path("state").asString()).isEqualTo("CLOSED");
		return id;
	}

	/** Writes a case from a problem as the given office; answers the reply. */
	Api.Reply write(String username, long problemId, String title, String reach) {
		return api.post(token(username), "/api/v1/cases", Api.json("sourceKind", "PROBLEM", "sourceId", problemId, "title",
				title, "background", "the school gate jammed every afternoon", "actions", "a guard post and staggered hours",
				"result", "eight minutes instead of twenty-five", "lessons", "one unit leads, everyone helps", "reach", reach));
	}

	JsonNode written(String username, long problemId, String title, String reach) {
		Api.Reply reply = write(username, problemId, title, reach);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	int version(long caseId) {
		Api.Reply reply = api.get(token("city.admin"), "/api/v1/cases/" + caseId);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("typical").path("version").asInt();
	}

	/** A command on a case with its current version and the given fields. */
	Api.Reply command(String username, long caseId, String action, Object... fields) {
		Object[] all = new Object[fields.length + 2];
		all[0] = "version";
		all[1] = version(caseId);
		System.arraycopy(fields, 0, all, 2, fields.length);
		return api.post(token(username), "/api/v1/cases/" + caseId + "/" + action, Api.json(all));
	}

	JsonNode caseOk(String username, long caseId, String action, Object... fields) {
		Api.Reply reply = command(username, caseId, action, fields);
		assertThat(reply.status()).as(action + " by " + username + ": " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	int read(String username, long caseId) {
		return api.get(token(username), "/api/v1/cases/" + caseId).status();
	}

	/** Whether the person finds the case in the library by its title. */
	boolean finds(String username, long caseId, String title) {
		Api.Reply reply = api.get(token(username), "/api/v1/cases?q=" + java.net.URLEncoder.encode(title,
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		for (JsonNode item : reply.json().path("items")) {
			if (item.path("id").asLong() == caseId) {
				return true;
			}
		}
		return false;
	}

}
