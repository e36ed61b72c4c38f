package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.FieldCipher;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The resident's page and JSON API, and staff registration, meet the same intake rule as Open311:
 * media only as a few http(s) URLs, bounded attributes, clean text and readable phone numbers.
 * Reports are filed in Yuzhong, so Nan'an's work queue is left alone.
 */
@IntegrationTest
class ResidentIntakeIntegrationTests {

	static final String COMMUNITY = "500103901001";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	Api api;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void aReportWithCoordinatesAndNoUnitIsFiledWhereTheBoundariesPlaceIt() {
		// the demo boundaries in Yuzhong: Jiefangbei's first community covers the south-west of the street
		Api.Reply inCommunity = placed(29.55, 106.57);
		assertThat(inCommunity.status()).as(inCommunity.body()).isEqualTo(201);
		assertThat(inCommunity.text("placedIn")).isIn(unitNames(COMMUNITY));
		assertThat(jdbc.sql("select u.code from problem p join unit u on u.id = p.location_unit_id where p.ledger_no = :no")
			.param("no", inCommunity.text("ledgerNo")).query(String.class).single()).isEqualTo(COMMUNITY);
		Api.Reply inStreet = placed(29.565, 106.58);
		assertThat(inStreet.status()).as(inStreet.body()).isEqualTo(201);
		assertThat(inStreet.text("placedIn")).isIn(unitNames("500103901"));

		Api.Reply nowhere = placed(31.5, 109.5);
		assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
		assertThat(nowhere.text("detail")).isNotBlank();
		Map<String, Object> neither = report(0, "neither unit nor place");
		neither.remove("locationUnitId");
		Api.Reply refused = api.post(null, "/api/v1/public/reports", Api.json(flat(neither)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
	}

	private Api.Reply placed(double latitude, double longitude) {
		Map<String, Object> report = report(0, "placed by the map " + latitude);
		report.remove("locationUnitId");
		report.put("latitude", latitude);
		report.put("longitude", longitude);
		return api.post(null, "/api/v1/public/reports", Api.json(flat(report)));
	}

	/** The unit's names: the answer names it in the caller's language. */
	private List<String> unitNames(String code) {
		var unit = api.get(steps.token("city.admin"), "/api/v1/units/by-code/" + code).json();
		return List.of(unit.path("nameZh").asString(), unit.path("nameEn").asString());
	}

	@Test
	void theJsonApiRefusesScriptMediaAndEndlessAttributesThatOpen311WouldServe() {
		long community = steps.unitId(COMMUNITY);
		int before = problems();

		Map<String, Object> script = report(community, "javascript media");
		script.put("mediaUrls", List.of("javascript:alert(document.cookie)"));
		assertRefused(script, "media");
		Map<String, Object> inAttributes = report(community, "javascript media attribute");
		inAttributes.put("attributes", Map.of("media_url", List.of("javascript:alert(1)")));
		assertRefused(inAttributes, "media");
		Map<String, Object> tooManyMedia = report(community, "many media");
		tooManyMedia.put("mediaUrls", List.of("https://a.example/1", "https://a.example/2", "https://a.example/3",
				"https://a.example/4", "https://a.example/5", "https://a.example/6"));
		assertRefused(tooManyMedia, "media");
		Map<String, List<String>> fiveHundred = new LinkedHashMap<>();
		for (int i = 0; i < 500; i++) {
			fiveHundred.put("a" + i, List.of("x".repeat(100)));
		}
		Map<String, Object> crowded = report(community, "crowded");
		crowded.put("attributes", fiveHundred);
		assertRefused(crowded, "attributes");
		Map<String, Object> longValue = report(community, "long value");
		longValue.put("attributes", Map.of("note", List.of("x".repeat(1001))));
		assertRefused(longValue, "attributes");
		Map<String, Object> badCode = report(community, "bad code");
		badCode.put("attributes", Map.of("<img src=x>", List.of("1")));
		assertRefused(badCode, "attribute code");
		assertThat(problems()).isEqualTo(before);

		// within the rule: several media URLs and a few attributes, no description
		String title = Api.uniqueCode("kept media ");
		Map<String, Object> kept = report(community, title);
		kept.remove("description");
		kept.put("mediaUrls", List.of("https://photos.example/1.jpeg", "http://photos.example/2.jpeg"));
		kept.put("attributes", Map.of("floor", List.of("3")));
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json(flat(kept)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String ledgerNo = reply.text("ledgerNo");
		JsonNode detail = api.get(steps.token("yuzhong.admin"), "/api/v1/problems/" + problemId(ledgerNo)).json();
		assertThat(detail.path("problem").path("description").isNull()).isTrue();
		assertThat(detail.path("attributes").path("media_url")).hasSize(2);
		assertThat(detail.path("attributes").path("floor").get(0).asString()).isEqualTo("3");
		JsonNode feed = api.get(null, "/open311/v2/requests/" + ledgerNo + ".json").json().get(0);
		assertThat(feed.path("media_url").asString()).isEqualTo("https://photos.example/1.jpeg");
		// another district's staff cannot read it
		assertThat(api.get(steps.token("nanan.admin"), "/api/v1/problems/" + problemId(ledgerNo)).status()).isEqualTo(404);
	}

	@Test
	void residentsGiveAnyReadablePhoneNumberAndAreToldInTheirLanguageWhenItIsNot() throws Exception {
		long community = steps.unitId(COMMUNITY);
		Map<String, Object> landline = report(community, Api.uniqueCode("landline "));
		landline.put("phone", "023 6385 1234 ext 8001");
		landline.put("discloseIdentity", true);
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json(flat(landline)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = problemId(reply.text("ledgerNo"));
		String stored = jdbc.sql("select reporter_phone_cipher from problem where id = ?").param(id).query(String.class).single();
		assertThat(stored).doesNotContain("3851234");
		assertThat(cipher.decrypt(stored)).isEqualTo("023-63851234-8001");
		JsonNode problem = api.get(steps.token("yuzhong.admin"), "/api/v1/problems/" + id).json().path("problem");
		assertThat(problem.path("reporterPhoneMasked").asString()).startsWith("023").doesNotContain("3851234");

		Map<String, Object> international = report(community, Api.uniqueCode("abroad "));
		international.put("phone", "+86 138 0013 8000");
		assertThat(api.post(null, "/api/v1/public/reports", Api.json(flat(international))).status()).isEqualTo(201);

		int before = problems();
		Map<String, Object> bad = report(community, "bad phone");
		bad.put("phone", "12345");
		Api.Reply refused = api.post(null, "/api/v1/public/reports", Api.json(flat(bad)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("detail")).contains("phone number").contains("023-63851234");
		assertThat(problems()).isEqualTo(before);

		// the page: a landline with an extension is kept, a bad number is explained in Chinese
		PageClient resident = new PageClient(port);
		HttpResponse<String> saved = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=OTHER&title=" + PageClient.encode(Api.uniqueCode("座机 ")) + "&description=d&phone="
				+ PageClient.encode("023-63851234-8001") + "&duplicateChoice=new");
		assertThat(saved.body()).contains("id=\"tracking-code\"");
		HttpResponse<String> unreadable = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=OTHER&title=t&description=d&phone=" + PageClient.encode("打电话") + "&duplicateChoice=new");
		assertThat(unreadable.body()).contains("id=\"error\"").contains("无法识别的电话号码");
	}

	@Test
	void controlCharactersAreStrippedFromThePageAndFromStaffRegistrationWithinScope() throws Exception {
		long community = steps.unitId(COMMUNITY);
		String tag = Api.uniqueCode("ctl");
		PageClient resident = new PageClient(port);
		HttpResponse<String> saved = resident.submit("/report", "/report", "locationUnitId=" + community
				+ "&categoryCode=OTHER&title=" + PageClient.encode("page " + tag + "\u0000\u0007\u001B[31m")
				+ "&description=" + PageClient.encode("a\u0000b\r\nc\u000Bd") + "&address=" + PageClient.encode("x\u0008y\ty")
				+ "&duplicateChoice=new");
		assertThat(saved.body()).contains("id=\"tracking-code\"");
		Map<String, Object> row = jdbc.sql("select title, description, address from problem where title like ?")
			.param("page " + tag + "%")
			.query()
			.singleRow();
		assertThat(row.values()).containsExactly("page " + tag + "[31m", "ab\r\ncd", "xy y");

		String yuzhong = steps.token("yuzhong.admin");
		Api.Reply registered = api.post(yuzhong, "/api/v1/problems", Api.json("title", "staff " + tag + "\u0000", "description",
				"line\u0001one\nline two", "source", "SELF_FOUND", "categoryCode", "PARKING", "locationUnitId", community,
				"measures", "m\u001F"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().path("title").asString()).isEqualTo("staff " + tag);
		assertThat(registered.json().path("description").asString()).isEqualTo("lineone\nline two");
		assertThat(registered.json().path("measures").asString()).isEqualTo("m");

		// Nan'an's staff cannot register a problem at a Yuzhong place, however clean the text
		Api.Reply outside = api.post(steps.token("nanan.admin"), "/api/v1/problems", Api.json("title", "outside " + tag,
				"description", "d", "source", "SELF_FOUND", "categoryCode", "PARKING", "locationUnitId", community));
		assertThat(outside.status()).isEqualTo(404);
		// and a title of control characters only is no title
		Api.Reply empty = api.post(yuzhong, "/api/v1/problems", Api.json("title", "\u0000\u0001", "description", "d",
				"source", "SELF_FOUND", "categoryCode", "PARKING"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("title");
	}

	private Map<String, Object> report(long community, String title) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("locationUnitId", community);
		report.put("categoryCode", "OTHER");
		report.put("title", title);
		report.put("description", "resident says: " + title);
		return report;
	}

	private void assertRefused(Map<String, Object> report, String word) {
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json(flat(report)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.text("detail")).containsIgnoringCase(word);
	}

	private static Object[] flat(Map<String, Object> fields) {
		return fields.entrySet().stream().flatMap(field -> java.util.stream.Stream.of(field.getKey(), field.getValue())).toArray();
	}

	private long problemId(String ledgerNo) {
		return jdbc.sql("select id from problem where ledger_no = ?").param(ledgerNo).query(Long.class).single();
	}

	private int problems() {
		return jdbc.sql("select count(*) from problem").query(Integer.class).single();
	}

}
