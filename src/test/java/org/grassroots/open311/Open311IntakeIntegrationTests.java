package org.grassroots.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.grassroots.shared.FieldCipher;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What real Open311 clients post, as they post it: FixMyStreet's Perl client sends form fields
 * {@code api_key, service_code, lat, long, address_string, address_id, email, first_name,
 * last_name, phone, description, media_url} and its own {@code attribute[...]}; Code for
 * America's Python client sends the same fields. Every report here is filed in Yuzhong (or falls
 * back to the city), so Nan'an's work queue is left alone, and Nan'an's staff must not see them.
 */
@IntegrationTest
class Open311IntakeIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String COMMUNITY = "500103901001";

	static final String STREET = "500103901";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	Api api;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	record Reply(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		org.w3c.dom.Document xml() throws Exception {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}

		String id() {
			assertThat(status).as(body).isEqualTo(201);
			return json().get(0).path("service_request_id").asString();
		}

		String notice() {
			return json().get(0).path("service_notice").asString("");
		}

	}

	@Test
	void fixMyStreetsOwnAttributesAreKeptAndNamedAndOnlyTheDefinedOnesAreChecked() throws Exception {
		String key = key("fixmystreet attributes");

		// PARKING defines vehicle; FixMyStreet adds its own attributes to every report
		Reply parking = post(fixMyStreet(key, "PARKING", "attribute[vehicle][]", "CAR", "attribute[uprn]", "100023336956",
				"attribute[fixmystreet_id]", "4242", "attribute[easting]", "530123", "attribute[closest_address]",
				"解放碑民族路 8 号", "attribute[title]", "乱停车", "attribute[report_url]", "https://fms.example/report/4242"));
		String id = parking.id();
		assertThat(parking.notice()).contains("uprn", "fixmystreet_id", "closest_address").doesNotContain("vehicle");
		JsonNode detail = detail("yuzhong.admin", id);
		assertThat(detail.path("attributes").path("uprn").get(0).asString()).isEqualTo("100023336956");
		assertThat(detail.path("attributes").path("vehicle").get(0).asString()).isEqualTo("CAR");
		assertThat(detail.path("attributes").path("closest_address").get(0).asString()).isEqualTo("解放碑民族路 8 号");
		// Nan'an's staff cannot read a Yuzhong report
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/problems/" + problemId(id)).status()).isEqualTo(404);

		// EMPLOYMENT has no metadata: a council's extra field is kept all the same
		Reply employment = post(fixMyStreet(key, "EMPLOYMENT", "attribute[council_ref]", "CQ-77"));
		assertThat(detail("yuzhong.admin", employment.id()).path("attributes").path("council_ref").get(0).asString())
			.isEqualTo("CQ-77");

		// beyond the bounds, extra attributes are ignored and named, never the report refused
		String[] many = new String[2 * 30];
		for (int i = 0; i < 30; i++) {
			many[2 * i] = "attribute[extra" + i + "]";
			many[2 * i + 1] = "v" + i;
		}
		Reply crowded = post(fixMyStreet(key, "OTHER", many));
		String crowdedId = crowded.id();
		assertThat(crowded.notice()).contains("extra8", "extra19");
		assertThat(detail("yuzhong.admin", crowdedId).path("attributes").properties()).hasSize(20);
		Reply strange = post(fixMyStreet(key, "OTHER", "attribute[<script>]", "x", "attribute[long]", "y".repeat(1001)));
		assertThat(strange.notice()).contains("long");
		assertThat(detail("yuzhong.admin", strange.id()).path("attributes").properties()).hasSize(1);

		// the defined ones are still checked
		assertError(post(fixMyStreet(key, "ELEVATOR", "attribute[building]", "3", "attribute[stage]", "FLYING")), 400);
		// and without a valid key nothing is filed
		int before = problems();
		assertError(post(fixMyStreet(null, "PARKING", "attribute[uprn]", "1")), 403);
		assertError(post(fixMyStreet("o311_not_a_key", "PARKING", "attribute[uprn]", "1")), 403);
		assertThat(problems()).isEqualTo(before);
	}

	@Test
	void phoneNumbersInEveryCommonFormAreKeptEncryptedAndAnUnreadableOneIsDroppedWithANotice() throws Exception {
		String key = key("phones");
		Map<String, String> forms = Map.of("+86 138 0013 8000", "13800138000", "023-63851234", "023-63851234",
				"023-63851234-8001", "023-63851234-8001", "023 6385 1234 ext 8001", "023-63851234-8001",
				"+1 415 555 0100", "+14155550100", "(023) 6385-1234", "023-63851234");
		for (var form : forms.entrySet()) {
			Reply created = post(fixMyStreet(key, "OTHER", "phone", form.getKey()));
			String id = created.id();
			assertThat(created.notice()).as(form.getKey()).doesNotContain("phone");
			Map<String, Object> row = phoneOf(id);
			String stored = (String) row.get("reporter_phone_cipher");
			assertThat(stored).doesNotContain(form.getValue()).doesNotContain("3851234");
			assertThat(cipher.decrypt(stored)).isEqualTo(form.getValue());
			assertThat(row.get("reporter_phone_hash")).isEqualTo(cipher.lookupHash(form.getValue()));
			assertThat(get("/open311/v2/requests/" + id + ".json").body()).doesNotContain("3851234").doesNotContain("0013");
		}

		Reply unreadable = post(fixMyStreet(key, "OTHER", "phone", "call after 6pm"));
		String id = unreadable.id();
		assertThat(unreadable.notice()).contains("phone");
		assertThat(phoneOf(id).get("reporter_phone_cipher")).isNull();
		Reply chinese = postChinese(fixMyStreet(key, "OTHER", "phone", "12345"));
		assertThat(chinese.notice()).contains("电话号码");

		// a refused key is refused before the phone is looked at
		assertError(post(fixMyStreet("o311_not_a_key", "OTHER", "phone", "call after 6pm")), 403);
	}

	@Test
	void anUnknownAddressIdFallsBackToThePointTheAddressAndThenTheDefaultUnit() throws Exception {
		String key = key("address ids");
		Reply byPoint = post(form("api_key", key, "service_code", "PARKING", "address_id", "uprn:100023336956", "lat",
				"29.5581", "long", "106.5771", "description", "unknown address id, known point"));
		assertThat(placeOf(byPoint.id())).isEqualTo(STREET);
		assertThat(byPoint.notice()).contains("uprn:100023336956");

		Reply byAddress = post(form("api_key", key, "service_code", "PARKING", "address_id", "999999999999",
				"address_string", "重庆市渝中区解放碑街道民族路 8 号", "description", "unknown address id, known address"));
		assertThat(placeOf(byAddress.id())).isEqualTo(STREET);
		assertThat(byAddress.notice()).contains("999999999999");

		// a department is not a place either
		Reply department = post(form("api_key", key, "service_code", "PARKING", "address_id", "500108-D01", "lat",
				"29.5581", "long", "106.5771"));
		assertThat(placeOf(department.id())).isEqualTo(STREET);

		Reply nowhere = postXml(form("api_key", key, "service_code", "OTHER", "address_id", "nowhere-17"));
		assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(201);
		Element request = (Element) nowhere.xml().getElementsByTagName("request").item(0);
		String notice = request.getElementsByTagName("service_notice").item(0).getTextContent();
		assertThat(notice).contains("nowhere-17").contains("city office");
		assertThat(placeOf(request.getElementsByTagName("service_request_id").item(0).getTextContent())).isEqualTo("500000");

		assertError(post(form("service_code", "OTHER", "address_id", "nowhere-17")), 403);
	}

	@Test
	void severalMediaUrlsAreAllKeptAndNoDescriptionIsMadeUp() throws Exception {
		String key = key("media");
		Reply created = post(fixMyStreet(key, "PARKING", "description", null, "media_url", "https://fms.example/photo/1.jpeg",
				"media_url", "http://fms.example/photo/2.jpeg"));
		String id = created.id();
		assertThat(created.notice()).doesNotContain("media_url");

		JsonNode feed = get("/open311/v2/requests/" + id + ".json").json().get(0);
		assertThat(feed.path("description").isNull()).isTrue();
		assertThat(feed.path("media_url").asString()).isEqualTo("https://fms.example/photo/1.jpeg");
		JsonNode detail = detail("yuzhong.admin", id);
		assertThat(detail.path("problem").path("description").isNull()).isTrue();
		assertThat(detail.path("problem").path("title").asString()).isEqualTo(
				jdbc.sql("select name_zh from problem_category where code = 'PARKING'").query(String.class).single());
		assertThat(detail.path("attributes").path("media_url").toString()).contains("1.jpeg", "2.jpeg");
		PageClient page = new PageClient(port);
		page.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		assertThat(page.get("/problems/" + problemId(id)).body()).contains("id=\"problem-description\">—<");

		// media that is not an http(s) URL is never stored nor served, and the report still arrives
		Reply script = post(fixMyStreet(key, "PARKING", "media_url", "javascript:alert(document.cookie)", "media_url",
				"https://fms.example/photo/3.jpeg", "media_url", "data:text/html,<script>alert(1)</script>"));
		assertThat(script.notice()).contains("2");
		assertThat(detail("yuzhong.admin", script.id()).path("attributes").path("media_url").toString())
			.contains("3.jpeg").doesNotContain("javascript").doesNotContain("data:");

		PageClient other = new PageClient(port);
		other.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(other.get("/problems/" + problemId(id)).statusCode()).isEqualTo(404);
	}

	@Test
	void everyControlCharacterIsStrippedAtIntakeAndTheXmlFeedStillParses() throws Exception {
		String key = key("controls");
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
		}
		controls.append('\u007F');
		String tag = Api.uniqueCode("ctl");
		Reply created = post(fixMyStreet(key, "PARKING", "description", "first line " + tag + controls + "\nsecond line",
				"address_string", "民族路" + controls + "8 号", "attribute[uprn]", "10" + controls + "02", "first_name",
				"Ann" + controls, "attribute[vehicle][]", "CAR" + controls));
		String id = created.id();

		org.w3c.dom.Document one = get("/open311/v2/requests/" + id + ".xml").xml();
		String description = one.getElementsByTagName("description").item(0).getTextContent();
		assertThat(description).startsWith("first line " + tag).contains("\t\n").endsWith("\nsecond line");
		assertThat(description.chars()).noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F);
		assertThat(one.getElementsByTagName("address").item(0).getTextContent()).doesNotContainPattern("[\\x00-\\x1F\\x7F]");
		JsonNode detail = detail("yuzhong.admin", id);
		assertThat(detail.path("attributes").path("uprn").get(0).asString()).doesNotContainPattern("[\\x00-\\x1F\\x7F]");
		assertThat(detail.path("attributes").path("vehicle").get(0).asString()).isEqualTo("CAR");

		// the resident API, with every control character and a lone surrogate escaped in JSON
		StringBuilder escaped = new StringBuilder();
		for (int c = 0; c < 0x20; c++) {
			escaped.append(String.format("\\u%04x", c));
		}
		escaped.append("\\u007f\\udfff\\ud800");
		long community = api.get(api.token("city.admin"), "/api/v1/units/by-code/" + COMMUNITY).json().path("id").asLong();
		String json = "{\"locationUnitId\":" + community + ",\"categoryCode\":\"PARKING\",\"title\":\"title " + tag + escaped
				+ "\",\"description\":\"line" + escaped + "end\",\"address\":\"addr" + escaped + "\"}";
		HttpResponse<String> reported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/public/reports")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String ledgerNo = JSON.readTree(reported.body()).path("ledgerNo").asString();
		Map<String, Object> row = jdbc.sql("select title, description, address from problem where ledger_no = ?")
			.param(ledgerNo)
			.query()
			.singleRow();
		row.values().forEach(text -> assertThat((String) text).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]")
			.doesNotContainPattern("[\\uD800-\\uDFFF]"));

		// both requests and the whole feed parse with a real XML parser
		assertThat(get("/open311/v2/requests.xml?service_request_id=" + id + "," + ledgerNo).xml()
			.getElementsByTagName("request")
			.getLength()).isEqualTo(2);
		assertThat(get("/open311/v2/requests.xml").xml().getElementsByTagName("request").getLength()).isPositive();
		assertThat(get("/open311/v2/requests.xml?service_code=PARKING").xml().getDocumentElement().getTagName())
			.isEqualTo("service_requests");
	}

	/**
	 * A FixMyStreet-shaped post in Yuzhong. Pairs after the service code replace a field, add to
	 * {@code media_url} (which repeats), or remove a field when the value is null.
	 */
	private Map<String, List<String>> fixMyStreet(String key, String serviceCode, String... more) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (key != null) {
			fields.put("api_key", List.of(key));
		}
		fields.put("service_code", List.of(serviceCode));
		fields.put("lat", List.of("29.5581"));
		fields.put("long", List.of("106.5771"));
		fields.put("address_string", List.of("重庆市渝中区解放碑街道民族路"));
		fields.put("address_id", List.of(COMMUNITY));
		fields.put("email", List.of("resident@example.org"));
		fields.put("first_name", List.of("Ann"));
		fields.put("last_name", List.of("Resident"));
		fields.put("phone", List.of(""));
		fields.put("description", List.of("Cars parked on the pavement\n\nEvery evening."));
		fields.put("media_url", List.of(""));
		fields.put("attribute[fixmystreet_id]", List.of("1"));
		for (int i = 0; i < more.length; i += 2) {
			String name = more[i];
			if (more[i + 1] == null) {
				fields.remove(name);
			}
			else if (name.equals("media_url") && !fields.get(name).get(0).isEmpty()) {
				fields.put(name, java.util.stream.Stream.concat(fields.get(name).stream(), java.util.stream.Stream.of(more[i + 1])).toList());
			}
			else {
				fields.put(name, List.of(more[i + 1]));
			}
		}
		return fields;
	}

	private static Map<String, List<String>> form(String... pairs) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], List.of(pairs[i + 1]));
		}
		return fields;
	}

	private JsonNode detail(String username, String ledgerNo) {
		Api.Reply reply = api.get(api.token(username), "/api/v1/problems/" + problemId(ledgerNo));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private long problemId(String ledgerNo) {
		return jdbc.sql("select id from problem where ledger_no = ?").param(ledgerNo).query(Long.class).single();
	}

	private Map<String, Object> phoneOf(String ledgerNo) {
		return jdbc.sql("select reporter_phone_cipher, reporter_phone_hash from problem where ledger_no = ?")
			.param(ledgerNo)
			.query()
			.singleRow();
	}

	private String placeOf(String ledgerNo) throws Exception {
		return get("/open311/v2/requests/" + ledgerNo + ".json").json().get(0).path("address_id").asString();
	}

	private int problems() {
		return jdbc.sql("select count(*) from problem").query(Integer.class).single();
	}

	private String key(String name) {
		Api.Reply issued = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", name));
		assertThat(issued.status()).isEqualTo(201);
		return issued.text("key");
	}

	private void assertError(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.json().get(0).path("code").asInt()).isEqualTo(status);
	}

	private Reply get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
			.GET());
	}

	private Reply post(Map<String, List<String>> fields) throws Exception {
		return send(postRequest("/open311/v2/requests.json", fields).header("Accept-Language", "en"));
	}

	private Reply postXml(Map<String, List<String>> fields) throws Exception {
		return send(postRequest("/open311/v2/requests.xml", fields).header("Accept-Language", "en"));
	}

	private Reply postChinese(Map<String, List<String>> fields) throws Exception {
		return send(postRequest("/open311/v2/requests.json", fields).header("Accept-Language", "zh-CN"));
	}

	/** Form-encoded as the Perl and Python clients send it; a key may repeat (several media_url). */
	private HttpRequest.Builder postRequest(String path, Map<String, List<String>> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
			.append(PageClient.encode(name))
			.append('=')
			.append(PageClient.encode(value))));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
	}

	private Reply send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
	}

}
