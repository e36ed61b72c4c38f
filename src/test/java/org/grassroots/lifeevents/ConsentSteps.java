package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;


import org.grassroots.support.Api;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * What the consent tests do again and again: file an elevator application through the API (which
 * opens the consent), find a community, and work the API as the office.
 */
final class ConsentSteps {

	/** A community below Jiefangbei street (渝中区), in scope of jiefangbei.worker and yuzhong.admin. */
	static final String YUZHONG_STREET = "/500000/500103/500103901/";

	/** 花园路街道's first community (南岸区). */
	static final String NANAN_STREET = "/500000/500108/500108002/";

	private final Api api;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transactions;

	ConsentSteps(Api api, JdbcClient jdbc, ApplicationEventPublisher publisher, TransactionTemplate transactions) {
		this.api = api;
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.transactions = transactions;
	}

	long community(String streetPath) {
		return jdbc.sql("select id from unit where path like :p and level = 'COMMUNITY' order by code limit 1")
			.param("p", streetPath + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * A resident of the community's district files an elevator application for a building there,
	 * through the API; the application opens the consent as it is filed.
	 */
	long elevatorApplication(long communityId, String building) {
		String path = jdbc.sql("select path from unit where id = :id").param("id", communityId).query(String.class).single();
		String resident = path.startsWith("/500000/500103/") ? "resident.zhao" : "resident.wang";
		Api.Reply filed = api.post(api.token(resident), "/api/v1/lifeevents/applications", Api.json("eventCode", "ELEVATOR",
				"communityId", communityId, "values", java.util.Map.of("buildingAddress", building, "floors", "7", "households",
						"14", "contactName", "业主代表", "phone", "13800138000")));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().path("id").asLong();
	}

	/** The consent an application opened; a repeated ConsentRequired opens no second one. */
	long open(long applicationId, long communityId, String building) {
		transactions.executeWithoutResult(status -> publisher.publishEvent(new ConsentRequired(applicationId,
				"LE-" + applicationId, communityId, building)));
		return jdbc.sql("select id from le_consent where application_id = :app").param("app", applicationId)
			.query(Long.class).single();
	}

	/** Files an elevator application for a building in the community and answers the consent it opened. */
	long openFiled(long communityId, String building) {
		return open(elevatorApplication(communityId, building), communityId, building);
	}

	static String path(long id) {
		return "/api/v1/lifeevents/consents/" + id;
	}

	static String owner(String name, String flat, Object area, boolean affected, String phone) {
		return Api.json("ownerName", name, "flat", flat, "floorArea", area, "affected", affected, "phone", phone);
	}

	JsonNode ok(Api.Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		return reply.json();
	}

	JsonNode detail(String token, long id) {
		return ok(api.get(token, path(id)), 200);
	}

	JsonNode ownerOf(JsonNode detail, String flat) {
		for (JsonNode owner : detail.path("owners")) {
			if (owner.path("flat").asString().equals(flat)) {
				return owner;
			}
		}
		throw new AssertionError("no owner of " + flat);
	}

	int owners(long id) {
		return jdbc.sql("select count(*) from le_consent_owner where consent_id = :id").param("id", id).query(Integer.class).single();
	}

	String state(long id) {
		return jdbc.sql("select state from le_consent where id = :id").param("id", id).query(String.class).single();
	}

	/** Moves the notice's last day to yesterday, as if the days had passed. */
	void endNotice(long id, java.time.LocalDate today) {
		jdbc.sql("update le_consent set notice_ends_on = :day where id = :id").param("day", today.minusDays(1)).param("id", id)
			.update();
	}

}
