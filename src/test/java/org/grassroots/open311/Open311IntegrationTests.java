package org.grassroots.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GeoReport endpoint in both formats against the real app: JSON checked against the
 * Open311 project's public schemas, XML parsed for the same fields, and a request followed from
 * an Open311 client to the Nan'an work queue and back as closed.
 */
@IntegrationTest
class Open311IntegrationTests {

	static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** A status, content type and body. */
	record Reply(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		org.w3c.dom.Document xml() throws Exception {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}

	}

	@Test
	void theSchemasCatchAResponseThatBreaksThem() {
		Schema requests = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/requests.json"));
		JsonNode wrong = JSON.readTree("[{\"service_request_id\": \"1\", \"status\": \"pending\", \"service_code\": \"X\","
				+ " \"requested_datetime\": \"2026-11-25T08:00:00+08:00\"}]");
		assertThat(requests.validate(wrong)).isNotEmpty();
		JsonNode right = JSON.readTree(wrong.toString().replace("pending", "open"));
		assertThat(requests.validate(right)).isEmpty();
	}

	@Test
	void discoveryNamesTheEndpointAndBothFormats() throws Exception {
		Reply json = get("/open311/v2/discovery.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.contentType()).startsWith("application/json").containsIgnoringCase("charset=utf-8");
		JsonNode endpoint = json.json().path("endpoints").get(0);
		assertThat(endpoint.path("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.path("formats").toString()).contains("text/xml").contains("application/json");
		Reply xml = get("/open311/v2/discovery.xml");
		assertThat(xml.contentType()).startsWith("text/xml").containsIgnoringCase("charset=utf-8");
		assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		assertThat(text(xml.xml().getDocumentElement(), "key_service")).contains("/open311/keys");
		assertThat(xml.xml().getElementsByTagName("format").getLength()).isEqualTo(2);
	}

	@Test
	void servicesAreTheProblemCategoriesWithTheirGroupsKeywordsAndAttributes() throws Exception {
		Reply json = get("/open311/v2/services.json");
		valid(json, "services.json");
		assertThat(json.json()).hasSize(10);
		JsonNode elevator = find(json.json(), "service_code", "ELEVATOR");
		assertThat(elevator.path("metadata").asBoolean()).isTrue();
		assertThat(elevator.path("group").asString()).isEqualTo("老旧小区改造");
		assertThat(elevator.path("keywords").asString()).contains("电梯");
		assertThat(find(json.json(), "service_code", "EMPLOYMENT").path("metadata").asBoolean()).isFalse();
		NodeList services = get("/open311/v2/services.xml").xml().getElementsByTagName("service");
		assertThat(services.getLength()).isEqualTo(10);
		assertThat(text((Element) services.item(1), "service_code")).isEqualTo("ELEVATOR");
		assertThat(text((Element) services.item(1), "metadata")).isEqualTo("true");

		Reply definition = get("/open311/v2/services/ELEVATOR.json");
		valid(definition, "service-definition.json");
		JsonNode stage = find(definition.json().path("attributes"), "code", "stage");
		assertThat(stage.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(stage.path("values")).hasSize(4);
		org.w3c.dom.Document xml = get("/open311/v2/services/ELEVATOR.xml").xml();
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
		assertThat(xml.getElementsByTagName("attribute").getLength()).isEqualTo(3);
		assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(4);

		assertError(get("/open311/v2/services/NO_SUCH.json"), 404);
		assertError(get("/open311/v2/services/NO_SUCH.xml"), 404);
	}

	@Test
	void aRequestFiledThroughOpen311IsWorkedInNananAndReadsClosed() throws Exception {
		String description = "5 号楼加装电梯意见分歧 " + Api.uniqueCode("");
		Reply created = post("/open311/v2/requests.json", "api_key", key("nanan client"), "service_code", "ELEVATOR",
				"address_id", "500108002001", "description", description, "phone", "13811112222", "attribute[building]",
				"5 号楼", "attribute[stage]", "DISPUTED", "attribute[floors]", "7");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get(0).path("service_request_id").asString();
		assertThat(id).startsWith("500108-");
		assertThat(created.json().get(0).has("token")).isFalse();

		// it is in the Nan'an office's work queue as a resident's report with its attributes
		String office = api.token("nanan.admin");
		JsonNode problem = null;
		for (JsonNode item : api.get(office, "/api/v1/problems?q=" + description.substring(description.length() - 10))
			.json()
			.path("items")) {
			problem = item;
		}
		assertThat(problem).isNotNull();
		long problemId = problem.path("id").asLong();
		assertThat(problem.path("source").asString()).isEqualTo("RESIDENT");
		assertThat(queueHolds(office, id)).isTrue();
		JsonNode detail = api.get(office, "/api/v1/problems/" + problemId).json();
		assertThat(detail.path("attributes").path("stage").get(0).asString()).isEqualTo("DISPUTED");

		// open, in both formats, valid against the schema, without the phone
		Reply open = get("/open311/v2/requests/" + id + ".json");
		valid(open, "requests.json");
		assertThat(open.json().get(0).path("status").asString()).isEqualTo("open");
		assertThat(open.json().get(0).path("agency_responsible").asString()).isEqualTo("南岸区");
		assertThat(open.json().get(0).path("address_id").asString()).isEqualTo("500108002001");
		assertThat(open.body()).doesNotContain("13811112222").doesNotContain("1381111");

		// Nan'an works it to closure
		Api.Reply accepted = api.post(office, "/api/v1/problems/" + problemId + "/accept", Api.json("version", version(office, problemId)));
		assertThat(accepted.status()).isEqualTo(200);
		long street = api.get(office, "/api/v1/units/by-code/500108002").json().path("id").asLong();
		api.post(office, "/api/v1/problems/" + problemId + "/assign", Api.json("version", version(office, problemId), "unitId", street));
		String worker = api.token("huayuanlu.worker");
		api.post(worker, "/api/v1/problems/" + problemId + "/plan", Api.json("version", version(office, problemId), "measures", "consult owners"));
		api.post(worker, "/api/v1/problems/" + problemId + "/submit", Api.json("version", version(office, problemId), "evidence", "vote passed"));
		api.post(office, "/api/v1/problems/" + problemId + "/recognize", Api.json("version", version(office, problemId)));
		Api.Reply closed = api.post(worker, "/api/v1/problems/" + problemId + "/recognize", Api.json("version", version(office, problemId)));
		assertThat(closed.text("state")).isEqualTo("CLOSED");

		Reply json = getEnglish("/open311/v2/requests/" + id + ".json");
		valid(json, "requests.json");
		JsonNode request = json.json().get(0);
		assertThat(request.path("status").asString()).isEqualTo("closed");
		assertThat(request.path("status_notes").asString()).isEqualTo("Closed");
		assertThat(request.path("agency_responsible").asString()).isEqualTo("Huayuanlu Street");
		assertThat(request.path("expected_datetime").isNull()).isFalse();
		Element xml = (Element) getEnglish("/open311/v2/requests/" + id + ".xml").xml().getElementsByTagName("request").item(0);
		assertSameFields(request, xml);
		assertThat(text(xml, "status")).isEqualTo("closed");

		// the closed filter finds it; the updates feed carries its steps
		Reply closedOnes = get("/open311/v2/requests.json?status=closed&service_code=ELEVATOR");
		valid(closedOnes, "requests.json");
		assertThat(closedOnes.body()).contains(id);
		NodeList listed = get("/open311/v2/requests.xml?status=closed&service_code=ELEVATOR").xml().getElementsByTagName("request");
		assertThat(listed.getLength()).isEqualTo(closedOnes.json().size());
		assertThat(get("/open311/v2/requests.json?status=open&service_code=ELEVATOR").body()).doesNotContain(id);
		String since = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
		Reply updates = get("/open311/v2/servicerequestupdates.json?start_date=" + since);
		List<String> statuses = new ArrayList<>();
		for (JsonNode update : updates.json()) {
			if (update.path("service_request_id").asString().equals(id)) {
				statuses.add(update.path("status").asString());
			}
		}
		assertThat(statuses).contains("OPEN").endsWith("FIXED");
		assertThat(get("/open311/v2/servicerequestupdates.xml?start_date=" + since).xml()
			.getElementsByTagName("request_update").getLength()).isPositive();
	}

	@Test
	void theUnitComesFromTheAddressIdThePointOrTheAddressAndOtherwiseTheDefaultUnit() throws Exception {
		String key = key("locator");
		assertThat(agency(post("/open311/v2/requests.json", "api_key", key, "service_code", "PARKING", "lat", "29.5581",
				"long", "106.5771", "description", "by point"))).isEqualTo("500103901");
		Reply byAddress = post("/open311/v2/requests.xml", "api_key", key, "service_code", "PARKING", "address_string",
				"重庆市南岸区花园路街道南坪西路 8 号", "description", "by address", "attribute[vehicle][]", "CAR",
				"attribute[vehicle][]", "EBIKE");
		assertThat(byAddress.status()).as(byAddress.body()).isEqualTo(201);
		assertThat(byAddress.contentType()).startsWith("text/xml");
		String id = text(byAddress.xml().getDocumentElement(), "service_request_id");
		assertThat(get("/open311/v2/requests/" + id + ".json").json().get(0).path("address_id").asString())
			.isEqualTo("500108002");
		Reply nowhere = post("/open311/v2/requests.json", "api_key", key, "service_code", "OTHER", "lat", "31.23", "long",
				"121.47", "description", "far away");
		assertThat(nowhere.json().get(0).path("service_notice").asString()).isNotBlank();
		assertThat(agency(nowhere)).isEqualTo("500000");
	}

	@Test
	void aPointWithoutAnAddressIdIsPlacedInTheCommunityWhoseBoundaryHoldsItAndTheNoticeSaysSo() throws Exception {
		// given the demo boundaries: Huayuanlu's community 500108002003 is its north-east sixth
		String key = key("boundaries");
		String community = api.get(api.token("city.admin"), "/api/v1/units/by-code/500108002003").json().path("nameZh")
			.asString();

		// when a client sends a point in it, with an address that names only the street
		Reply placed = post("/open311/v2/requests.json", "api_key", key, "service_code", "PARKING", "lat", "29.5350",
				"long", "106.5710", "address_string", "重庆市南岸区花园路街道", "description", "by boundary");

		// then the request is the community's, and the answer says it was placed by its location
		assertThat(agency(placed)).isEqualTo("500108002003");
		assertThat(placed.json().get(0).path("service_notice").asString()).isEqualTo("按位置归入" + community + "。");
		// a point in the street outside its communities is the street's, and an address_id still comes first
		assertThat(agency(post("/open311/v2/requests.json", "api_key", key, "service_code", "PARKING", "lat", "29.5700",
				"long", "106.5800", "description", "street only"))).isEqualTo("500103901");
		Reply byCode = post("/open311/v2/requests.json", "api_key", key, "service_code", "PARKING", "address_id",
				"500108002001", "lat", "29.5350", "long", "106.5710", "description", "code first");
		assertThat(agency(byCode)).isEqualTo("500108002001");
		assertThat(byCode.json().get(0).path("service_notice").isNull()).isTrue();
	}

	@Test
	void badRequestsAnswerTheStandardStatusWithAnErrorsBody() throws Exception {
		String key = key("errors");
		assertError(post("/open311/v2/requests.json", "service_code", "OTHER", "address_id", "500108002001"), 403);
		assertError(post("/open311/v2/requests.xml", "api_key", "o311_nonsense", "service_code", "OTHER", "address_id",
				"500108002001"), 403);
		assertError(post("/open311/v2/requests.json", "api_key", key, "service_code", "NO_SUCH", "address_id",
				"500108002001"), 404);
		assertError(post("/open311/v2/requests.json", "api_key", key, "service_code", "OTHER"), 400);
		assertError(post("/open311/v2/requests.json", "api_key", key, "service_code", "OTHER", "address_id", "500108002001",
				"description", "x".repeat(4001)), 400);
		assertError(post("/open311/v2/requests.json", "api_key", key, "service_code", "ELEVATOR", "address_id",
				"500108002001", "attribute[building]", "3", "attribute[stage]", "FLYING"), 400);
		assertError(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400);
		assertError(get("/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400);
		assertError(get("/open311/v2/requests/500108-1999-0000000.json"), 404);
		assertError(get("/open311/v2/requests/500108-1999-0000000.xml"), 404);
		assertError(get("/open311/v2/tokens/abc.json"), 404);
		assertError(get("/open311/v2/tokens/abc.xml"), 404);
		assertError(get("/open311/v2/requests.csv"), 400);

		// a revoked key is refused from then on
		String admin = api.token("city.admin");
		Api.Reply issued = api.post(admin, "/api/v1/open311/keys", Api.json("name", "short lived"));
		String revokedKey = issued.text("key");
		assertThat(api.delete(admin, "/api/v1/open311/keys/" + issued.json().path("id").asLong()).status()).isEqualTo(200);
		assertError(post("/open311/v2/requests.json", "api_key", revokedKey, "service_code", "OTHER", "address_id",
				"500108002001"), 403);
	}

	@Test
	void pagesOfRequestsAndIdsThatOverrideTheFilters() throws Exception {
		String key = key("pages");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(post("/open311/v2/requests.json", "api_key", key, "service_code", "CHILDCARE", "address_id",
					"500108002001", "description", "page " + i).json().get(0).path("service_request_id").asString());
		}
		Reply first = get("/open311/v2/requests.json?service_code=CHILDCARE&page_size=2&page=1");
		valid(first, "requests.json");
		assertThat(first.json()).hasSize(2);
		Reply second = get("/open311/v2/requests.json?service_code=CHILDCARE&page_size=2&page=2");
		assertThat(second.json().get(0).path("service_request_id").asString())
			.isNotIn(first.json().get(0).path("service_request_id").asString(), first.json().get(1).path("service_request_id").asString());
		Reply byIds = get("/open311/v2/requests.json?service_request_id=" + ids.get(0) + "," + ids.get(2)
				+ "&service_code=PARKING&start_date=2000-01-01T00:00:00Z");
		valid(byIds, "requests.json");
		assertThat(byIds.json()).hasSize(2);
		assertError(get("/open311/v2/requests.json?page_size=1001"), 400);
	}

	@Test
	void keysAreIssuedOnceRevocableRateLimitedAndOnlyByTheCityAdministrator() throws Exception {
		assertThat(api.post(api.token("nanan.admin"), "/api/v1/open311/keys", Api.json("name", "x")).status()).isEqualTo(403);
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/open311/keys").status()).isEqualTo(403);
		String admin = api.token("city.admin");
		Api.Reply issued = api.post(admin, "/api/v1/open311/keys", Api.json("name", "fixmystreet"));
		assertThat(issued.status()).isEqualTo(201);
		String key = issued.text("key");
		assertThat(key).startsWith("o311_");
		assertThat(api.get(admin, "/api/v1/open311/keys").body()).contains("fixmystreet").doesNotContain(key);

		// 40 requests a minute in the test configuration: the 41st is refused with 429
		int refused = 0;
		for (int i = 0; i < 41; i++) {
			Reply reply = post("/open311/v2/requests.json", "api_key", key);
			refused += reply.status() == 429 ? 1 : 0;
			if (i < 40) {
				assertThat(reply.status()).isEqualTo(400);
			}
		}
		assertThat(refused).isEqualTo(1);

		// the page issues a key and shows it once
		PageClient pages = new PageClient(port);
		pages.signIn("city.admin", Api.DEMO_PASSWORD);
		var response = pages.submit("/open311/keys", "/open311/keys", "name=" + PageClient.encode("掌上南岸"));
		assertThat(response.statusCode()).isEqualTo(302);
		String shown = pages.get("/open311/keys").body();
		assertThat(shown).contains("id=\"issued-key\"").contains("掌上南岸");
		assertThat(pages.get("/open311/keys").body()).doesNotContain("id=\"issued-key\"");
		PageClient district = new PageClient(port);
		district.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(district.get("/open311/keys").statusCode()).isEqualTo(403);
	}

	private boolean queueHolds(String token, String ledgerNo) {
		for (int page = 0; page < 20; page++) {
			if (api.get(token, "/api/v1/problems/queue?page=" + page).body().contains(ledgerNo)) {
				return true;
			}
		}
		return false;
	}

	private String agency(Reply created) throws Exception {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get(0).path("service_request_id").asString();
		return get("/open311/v2/requests/" + id + ".json").json().get(0).path("address_id").asString();
	}

	private int version(String token, long id) {
		return api.get(token, "/api/v1/problems/" + id).json().path("problem").path("version").asInt();
	}

	private String key(String name) {
		Api.Reply issued = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", name));
		assertThat(issued.status()).isEqualTo(201);
		return issued.text("key");
	}

	private void assertError(Reply reply, int status) throws Exception {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		if (reply.contentType().startsWith("text/xml")) {
			Element error = (Element) reply.xml().getElementsByTagName("error").item(0);
			assertThat(reply.xml().getDocumentElement().getTagName()).isEqualTo("errors");
			assertThat(text(error, "code")).isEqualTo(String.valueOf(status));
			assertThat(text(error, "description")).isNotBlank();
		}
		else {
			JsonNode error = reply.json().get(0);
			assertThat(error.path("code").asInt()).isEqualTo(status);
			assertThat(error.path("description").asString()).isNotBlank();
		}
	}

	private static void valid(Reply reply, String schema) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		Schema validator = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/" + schema));
		assertThat(validator.validate(reply.json())).as(reply.body()).isEmpty();
	}

	/** Every field of the JSON request has the same value in the XML one; null is an empty element. */
	private static void assertSameFields(JsonNode json, Element xml) {
		assertThat(json.properties()).hasSize(17);
		for (var field : json.properties()) {
			String expected = field.getValue().isNull() ? "" : field.getValue().asString();
			assertThat(text(xml, field.getKey())).as(field.getKey()).isEqualTo(expected);
		}
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode item : array) {
			if (item.path(field).asString().equals(value)) {
				return item;
			}
		}
		throw new AssertionError("no " + field + "=" + value + " in " + array);
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}

	private Reply get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
	}

	private Reply getEnglish(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en")
			.GET()
			.build());
	}

	private Reply post(String path, String... form) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < form.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(PageClient.encode(form[i])).append('=').append(PageClient.encode(form[i + 1]));
		}
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private Reply send(HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
	}

}
