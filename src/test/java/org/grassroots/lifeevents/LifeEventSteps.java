package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.support.Api;

import tools.jackson.databind.JsonNode;

/** The steps of the life-event tests, through the API as the pages' users would take them. */
public class LifeEventSteps {

	static final String BASE = "/api/v1/lifeevents";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private final Api api;

	private final Map<String, String> tokens = new java.util.HashMap<>();

	LifeEventSteps(Api api) {
		this.api = api;
	}

	String token(String username) {
		return tokens.computeIfAbsent(username, api::token);
	}

	/** A valid ID card number (GB 11643 check character) from its first 17 digits. */
	public static String idCard(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	public static Map<String, Object> newborn(String child) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("childName", child);
		values.put("childBirthDate", "2026-11-28");
		values.put("childSex", "F");
		values.put("birthHospital", "重庆市第五人民医院");
		values.put("motherName", "李芳");
		values.put("motherIdCard", idCard("50010819920315002"));
		values.put("fatherName", "王强");
		values.put("fatherIdCard", idCard("50010819900708001"));
		values.put("phone", "13812345678");
		values.put("address", "重庆市南岸区花园路街道翠园路 18 号 3 单元 502");
		return values;
	}

	Api.Reply apply(String username, String event, Map<String, Object> values) {
		return api.post(token(username), BASE + "/applications", Api.json("eventCode", event, "values", values));
	}

	JsonNode applied(String username, String event, Map<String, Object> values) {
		Api.Reply reply = apply(username, event, values);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	JsonNode mine(String username, long id) {
		Api.Reply reply = api.get(token(username), BASE + "/my/applications/" + id);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	/** The application's task with this code, as the resident sees it. */
	JsonNode task(String username, long applicationId, String code) {
		for (JsonNode task : mine(username, applicationId).path("tasks")) {
			if (task.path("code").asString().equals(code)) {
				return task;
			}
		}
		throw new AssertionError("no task " + code);
	}

	String state(long applicationId, String code) {
		return task("resident.wang", applicationId, code).path("state").asString();
	}

	Api.Reply act(String officer, long taskId, String action, Object... more) {
		JsonNode task = api.get(token(officer), BASE + "/tasks/" + taskId).json().path("task");
		Object[] pairs = new Object[more.length + 2];
		pairs[0] = "version";
		pairs[1] = task.path("version").asInt();
		System.arraycopy(more, 0, pairs, 2, more.length);
		return api.post(token(officer), BASE + "/tasks/" + taskId + "/" + action, Api.json(pairs));
	}

	void completed(String officer, long applicationId, String code) {
		JsonNode task = task("resident.wang", applicationId, code);
		Api.Reply reply = act(officer, task.path("id").asLong(), "complete", "result", "已办结：" + task.path("nameZh").asString());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	Api.Reply get(String username, String path) {
		return api.get(token(username), path);
	}

	Api.Reply post(String username, String path, String json) {
		return api.post(token(username), path, json);
	}

}
