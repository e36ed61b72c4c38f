package org.grassroots.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed and the protocol as real clients use them: FixMyStreet's Perl client (XML, the updates
 * extension both ways), Code for America's Python client (JSON, W3C dates) and a read-only
 * client in a browser on another origin. Reports are filed in Yuzhong, so that Nan'an's work
 * queue stays as the browser tests expect it.
 */
@IntegrationTest
class Open311ClientsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String COMMUNITY = "500103901001";

	static final String EXACT_ADDRESS = "解放碑民族路 166 号 3 单元 502 室";

	@LocalServerPort
	int port;

	Api api;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		org.w3c.dom.Document xml() throws Exception {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}

		Optional<String> header(String name) {
			return raw.headers().firstValue(name);
		}

	}

	/** A resident's report on the public API, with a flat's address and a point to six decimals. */
	record Filed(String ledgerNo, String trackingCode, long id, String title) {

	}

	// ------------------------------------------------------------------ 1. privacy

	@Test
	void theFeedShowsTheCommunityAndAPointRoundedToAbout100MetresNeverTheFlat() throws Exception {
		Filed filed = file("PARKING", null);

		// a read-only client reads the request in both formats; the flat is looked for as "502 室",
		// since a bare "502" turns up in timestamps and ids
		JsonNode request = get("/open311/v2/requests/" + filed.ledgerNo() + ".json").json().get(0);
		assertThat(request.path("address").asString()).doesNotContain("502 室").doesNotContain("民族路");
		assertThat(request.path("address").asString()).isEqualTo(unitName(COMMUNITY));
		assertThat(request.path("address_id").asString()).isEqualTo(COMMUNITY);
		assertThat(request.path("lat").decimalValue()).isEqualByComparingTo("29.558");
		assertThat(request.path("long").decimalValue()).isEqualByComparingTo("106.577");
		Reply xml = get("/open311/v2/requests/" + filed.ledgerNo() + ".xml");
		assertThat(xml.body()).doesNotContain("502 室").doesNotContain("29.55765").doesNotContain("106.57749");
		Reply list = get("/open311/v2/requests.json?service_code=PARKING");
		assertThat(list.body()).contains(filed.ledgerNo()).doesNotContain(EXACT_ADDRESS).doesNotContain("29.55765");

		// nor through the updates, the tracking page and API, or the public ledger
		String since = OffsetDateTime.now(Times.ZONE).minusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		assertThat(get("/open311/v2/servicerequestupdates.json?start_date=" + encode(since)).body()).doesNotContain("502 室")
			.doesNotContain("29.55765");
		assertThat(get("/api/v1/public/reports/" + filed.trackingCode()).body()).contains(filed.ledgerNo())
			.doesNotContain("502 室").doesNotContain("29.55765");
		assertThat(get("/track/" + filed.trackingCode()).body()).contains(filed.ledgerNo()).doesNotContain("502 室")
			.doesNotContain("29.55765");
		assertThat(get("/api/v1/public/ledger/500103").body()).contains(filed.ledgerNo()).doesNotContain("502 室")
			.doesNotContain("29.55765");
		assertThat(get("/ledger/500103").body()).doesNotContain("502 室").doesNotContain("29.55765");

		// staff still see the exact place
		JsonNode detail = api.get(api.token("yuzhong.admin"), "/api/v1/problems/" + filed.id()).json().path("problem");
		assertThat(detail.path("address").asString()).isEqualTo(EXACT_ADDRESS);
		assertThat(detail.path("latitude").decimalValue()).isEqualByComparingTo("29.557650");

		// and the report form tells residents so, in both languages
		assertThat(get("/report").body()).contains("约 100 米");
		assertThat(get("/report?lang=en").body()).contains("about 100 m");
	}

	// ------------------------------------------------------------------ 2. statuses

	@Test
	void fixMyStreetReadsDeclinedAndDuplicateRequestsAsSuchNotAsFixed() throws Exception {
		String office = api.token("yuzhong.admin");
		Filed original = file("ELDERLY_CARE", null);
		Filed duplicate = file("ELDERLY_CARE", original.id());
		Filed declined = file("EMPLOYMENT", null);
		Filed accepted = file("EDUCATION", null);
		assertThat(api.post(office, "/api/v1/problems/" + declined.id() + "/decline",
				Api.json("version", version(office, declined.id()), "note", "属于劳动仲裁，请向区劳动仲裁院申请")).status())
			.isEqualTo(200);
		assertThat(api.post(office, "/api/v1/problems/" + accepted.id() + "/accept",
				Api.json("version", version(office, accepted.id()))).status()).isEqualTo(200);
		assertThat(api.post(office, "/api/v1/problems/" + original.id() + "/decline",
				Api.json("version", version(office, original.id()), "note", "测试结束")).status()).isEqualTo(200);

		// GET requests: still only open or closed, with the reason in status_notes
		JsonNode declinedRequest = get("/open311/v2/requests/" + declined.ledgerNo() + ".json").json().get(0);
		assertThat(declinedRequest.path("status").asString()).isEqualTo("closed");
		assertThat(declinedRequest.path("status_notes").asString()).startsWith("不予受理").contains("劳动仲裁");
		JsonNode duplicateRequest = getEnglish("/open311/v2/requests/" + duplicate.ledgerNo() + ".json").json().get(0);
		assertThat(duplicateRequest.path("status").asString()).isEqualTo("closed");
		assertThat(duplicateRequest.path("status_notes").asString()).contains("same problem as " + original.ledgerNo());

		// the updates extension, as FixMyStreet asks for it: XML, both bounds, its key and jurisdiction
		String start = OffsetDateTime.now(Times.ZONE).minusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String end = OffsetDateTime.now(Times.ZONE).plusMinutes(5).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		org.w3c.dom.Document updates = get("/open311/v2/servicerequestupdates.xml?jurisdiction_id=cq&api_key=x&start_date="
				+ encode(start) + "&end_date=" + encode(end)).xml();
		List<String> declinedStatuses = statuses(updates, declined.ledgerNo());
		assertThat(declinedStatuses).containsExactly("OPEN", "NOT_COUNCILS_RESPONSIBILITY");
		assertThat(statuses(updates, duplicate.ledgerNo())).containsExactly("OPEN", "DUPLICATE");
		assertThat(statuses(updates, accepted.ledgerNo())).containsExactly("OPEN", "INVESTIGATING");
		assertThat(statuses(updates, original.ledgerNo())).endsWith("NOT_COUNCILS_RESPONSIBILITY");
		var all = updates.getElementsByTagName("status");
		for (int i = 0; i < all.getLength(); i++) {
			assertThat(UpdateStatus.valueOf(all.item(i).getTextContent())).isNotNull();
		}
	}

	// ------------------------------------------------------------------ 3. comments

	@Test
	void fixMyStreetPostsAResidentsCommentOntoTheTimelineForStaff() throws Exception {
		String key = key("FixMyStreet");
		Filed filed = file("HOUSING", null);
		String text = "楼下积水还没有处理 " + Api.uniqueCode("");
		// what Open311.pm's post_service_request_update sends
		Reply posted = post("/open311/v2/servicerequestupdates.xml", "api_key", key, "jurisdiction_id", "cq",
				"service_request_id", filed.ledgerNo(), "update_id", "4711", "status", "OPEN", "updated_datetime",
				OffsetDateTime.now(Times.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), "description", text,
				"first_name", "Li", "last_name", "Lei", "email", "li.lei@example.org", "media_url",
				"https://fixmystreet.example.org/photo/1.jpeg");
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat(posted.contentType()).startsWith("text/xml");
		Element update = (Element) posted.xml().getElementsByTagName("request_update").item(0);
		String updateId = update.getElementsByTagName("update_id").item(0).getTextContent();
		assertThat(updateId).isNotBlank();
		assertThat(posted.xml().getDocumentElement().getTagName()).isEqualTo("service_request_updates");

		// staff see it on the timeline, naming the client; nothing personal is kept
		String office = api.token("yuzhong.admin");
		JsonNode timeline = api.get(office, "/api/v1/problems/" + filed.id()).json().path("timeline");
		JsonNode comment = null;
		for (JsonNode entry : timeline) {
			if (entry.path("action").asString().equals("COMMENT")) {
				comment = entry;
			}
		}
		assertThat(comment).as(timeline.toString()).isNotNull();
		assertThat(comment.path("id").asString()).isEqualTo(updateId);
		assertThat(comment.path("actorName").asString()).isEqualTo("FixMyStreet (Open311)");
		assertThat(comment.path("note").asString()).contains(text).contains("https://fixmystreet.example.org/photo/1.jpeg");
		assertThat(timeline.toString()).doesNotContain("li.lei@example.org").doesNotContain("Lei");
		// it is not public: the client does not read its own comment back as an answer
		String since = OffsetDateTime.now(Times.ZONE).minusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		assertThat(get("/open311/v2/servicerequestupdates.json?start_date=" + encode(since)).body()).doesNotContain(text);
		assertThat(get("/api/v1/public/reports/" + filed.trackingCode()).body()).doesNotContain(text);

		// JSON too; an unknown request, a missing key and a javascript: media URL are refused the Open311 way
		Reply json = post("/open311/v2/servicerequestupdates.json", "api_key", key, "service_request_id", filed.ledgerNo(),
				"description", "再补充一句");
		assertThat(json.status()).as(json.body()).isEqualTo(200);
		assertThat(json.json().get(0).path("update_id").asString()).isNotBlank();
		assertError(post("/open311/v2/servicerequestupdates.xml", "api_key", key, "service_request_id",
				"500103-1999-0000000", "description", "x"), 404);
		assertError(post("/open311/v2/servicerequestupdates.json", "service_request_id", filed.ledgerNo(), "description",
				"x"), 403);
		assertError(post("/open311/v2/servicerequestupdates.json", "api_key", key, "service_request_id",
				filed.ledgerNo()), 400);
		assertError(post("/open311/v2/servicerequestupdates.json", "api_key", key, "service_request_id",
				filed.ledgerNo(), "description", "x", "media_url", "javascript:alert(1)"), 400);
		decline(filed);
	}

	@Test
	void commentsShareTheKeysRateWithRequests() throws Exception {
		String key = key("busy client");
		for (int i = 0; i < 40; i++) {
			assertThat(post("/open311/v2/requests.json", "api_key", key).status()).isEqualTo(400);
		}
		assertError(post("/open311/v2/servicerequestupdates.json", "api_key", key, "service_request_id",
				"500103-1999-0000000", "description", "x"), 429);
	}

	// ------------------------------------------------------------------ 4. long id lists

	@Test
	void sixHundredIdsInOneUrlAreReadAndAnOversizedRequestIsAnOpen311Error() throws Exception {
		Filed filed = file("OTHER", null);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 599; i++) {
			ids.add(String.format("500103-2026-%07d", 9_000_000 + i));
		}
		ids.add(filed.ledgerNo());
		Reply many = get("/open311/v2/requests.json?service_request_id=" + String.join(",", ids));
		assertThat(many.status()).as(many.body()).isEqualTo(200);
		assertThat(many.json()).hasSize(1);
		assertThat(many.json().get(0).path("service_request_id").asString()).isEqualTo(filed.ledgerNo());

		// headers beyond 64 KB: Tomcat refuses them before the application, in Open311's format here
		String huge = "x".repeat(70 * 1024);
		Reply tooLong = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).header("X-Padding", huge).GET().build());
		assertError(tooLong, 400);
		Reply tooLongXml = send(HttpRequest.newBuilder(uri("/open311/v2/requests.xml")).header("X-Padding", huge).GET().build());
		assertThat(tooLongXml.contentType()).startsWith("text/xml");
		assertError(tooLongXml, 400);
		decline(filed);
	}

	// ------------------------------------------------------------------ 5. dates and statuses

	@Test
	void theW3cFormsPythonClientsSendAreReadAndTheSpanSearchedIsStated() throws Exception {
		Filed filed = file("CHILDCARE", null);
		String today = LocalDate.now(Times.ZONE).toString();

		Reply byDay = get("/open311/v2/requests.json?service_code=CHILDCARE&start_date=" + today + "&end_date=" + today);
		assertThat(byDay.status()).as(byDay.body()).isEqualTo(200);
		assertThat(byDay.body()).contains(filed.ledgerNo());
		assertThat(byDay.header("Open311-Start-Date")).contains(today + "T00:00:00+08:00");
		assertThat(byDay.header("Open311-End-Date")).contains(today + "T23:59:59+08:00");

		String compact = OffsetDateTime.now(Times.ZONE).minusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"));
		assertThat(compact).endsWith("+0800");
		Reply offset = get("/open311/v2/requests.json?status=OPEN&service_code=CHILDCARE&start_date=" + encode(compact));
		assertThat(offset.status()).as(offset.body()).isEqualTo(200);
		assertThat(offset.body()).contains(filed.ledgerNo());
		assertThat(OffsetDateTime.parse(offset.header("Open311-End-Date").orElseThrow()))
			.isAfter(OffsetDateTime.now().minusMinutes(1));
		// an unencoded + arrives as a space
		Reply space = get("/open311/v2/requests.json?status=Open,CLOSED&service_code=CHILDCARE&start_date="
				+ compact.replace("+", "%20"));
		assertThat(space.body()).as(space.body()).contains(filed.ledgerNo());
		Reply zulu = get("/open311/v2/requests.json?service_code=CHILDCARE&start_date="
				+ OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).withNano(0).toString());
		assertThat(zulu.body()).contains(filed.ledgerNo());

		// one bound far back: the other is the 90-day limit, and the answer says so
		Reply old = get("/open311/v2/requests.json?start_date=2000-01-01");
		assertThat(old.status()).as(old.body()).isEqualTo(200);
		assertThat(old.header("Open311-Start-Date")).contains("2000-01-01T00:00:00+08:00");
		assertThat(old.header("Open311-End-Date")).contains("2000-03-31T00:00:00+08:00");
		Reply endOnly = get("/open311/v2/servicerequestupdates.json?end_date=2026-04-30");
		assertThat(endOnly.header("Open311-Start-Date")).contains("2026-01-30T23:59:59+08:00");
		assertError(get("/open311/v2/requests.json?status=pending"), 400);
		assertError(get("/open311/v2/requests.json?start_date=30/11/2026"), 400);
		decline(filed);
	}

	// ------------------------------------------------------------------ 6. every path, CORS

	@Test
	void everyPathAnswersInTheOpen311FormatAndBrowsersOnOtherOriginsMayRead() throws Exception {
		assertError(get("/open311/v2/requests"), 400);
		assertError(get("/open311/v2/services/ELEVATOR"), 400);
		assertError(get("/open311/v2/nothing.json"), 404);
		assertError(get("/open311/v2/nothing.xml"), 404);
		assertError(get("/open311/v2/"), 404);
		Reply upper = get("/open311/v2/services.JSON");
		assertThat(upper.status()).isEqualTo(200);
		assertThat(upper.contentType()).startsWith("application/json");
		assertThat(get("/open311/v2/discovery.XML").contentType()).startsWith("text/xml");
		Reply delete = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).DELETE().build());
		assertError(delete, 405);
		assertThat(delete.header("Allow").orElseThrow()).contains("GET").contains("POST");
		Reply put = send(HttpRequest.newBuilder(uri("/open311/v2/services.xml")).PUT(HttpRequest.BodyPublishers.noBody()).build());
		assertError(put, 405);
		assertThat(put.contentType()).startsWith("text/xml");
		assertError(post("/open311/v2/discovery.json", "a", "b"), 405);

		// a page on another origin may read, without credentials
		Reply read = send(HttpRequest.newBuilder(uri("/open311/v2/services.json")).header("Origin", "https://map.example.org")
			.GET()
			.build());
		assertThat(read.header("Access-Control-Allow-Origin")).contains("*");
		assertThat(read.header("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(read.header("X-Content-Type-Options")).contains("nosniff");
		Reply dated = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).header("Origin", "https://map.example.org")
			.GET()
			.build());
		assertThat(dated.header("Access-Control-Expose-Headers").orElseThrow()).contains("Open311-Start-Date");
		Reply missing = send(HttpRequest.newBuilder(uri("/open311/v2/requests/500103-1999-0000000.json"))
			.header("Origin", "https://map.example.org")
			.GET()
			.build());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Access-Control-Allow-Origin")).contains("*");
		Reply preflight = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
			.header("Origin", "https://map.example.org")
			.header("Access-Control-Request-Method", "GET")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
		// POST needs a key, which belongs on a server: no CORS for it
		Reply postPreflight = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
			.header("Origin", "https://map.example.org")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(postPreflight.header("Access-Control-Allow-Origin")).isEmpty();
		Reply crossPost = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
			.header("Origin", "https://map.example.org")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("service_code=OTHER"))
			.build());
		assertError(crossPost, 403);
		assertThat(crossPost.header("Access-Control-Allow-Origin")).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private Filed file(String category, Long duplicateOf) {
		String title = Api.uniqueCode(category + " ");
		Api.Reply reply = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", unitId(COMMUNITY),
				"categoryCode", category, "title", title, "description", "楼道里的问题", "address", EXACT_ADDRESS, "latitude",
				new java.math.BigDecimal("29.557650"), "longitude", new java.math.BigDecimal("106.577490"), "duplicateOf",
				duplicateOf));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String office = api.token("yuzhong.admin");
		JsonNode items = api.get(office, "/api/v1/problems?q=" + title.replace(" ", "%20")).json().path("items");
		assertThat(items).as(items.toString()).hasSize(1);
		return new Filed(reply.text("ledgerNo"), reply.text("trackingCode"), items.get(0).path("id").asLong(), title);
	}

	/** Keeps Yuzhong's work queue short. */
	private void decline(Filed filed) {
		String office = api.token("yuzhong.admin");
		api.post(office, "/api/v1/problems/" + filed.id() + "/decline",
				Api.json("version", version(office, filed.id()), "note", "测试结束"));
	}

	private long unitId(String code) {
		return api.get(api.token("city.admin"), "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

	private String unitName(String code) {
		return api.get(api.token("city.admin"), "/api/v1/units/by-code/" + code).json().path("nameZh").asString();
	}

	private int version(String token, long id) {
		return api.get(token, "/api/v1/problems/" + id).json().path("problem").path("version").asInt();
	}

	private String key(String name) {
		Api.Reply issued = api.post(api.token("city.admin"), "/api/v1/open311/keys", Api.json("name", name));
		assertThat(issued.status()).isEqualTo(201);
		return issued.text("key");
	}

	private static List<String> statuses(org.w3c.dom.Document updates, String ledgerNo) {
		List<String> statuses = new ArrayList<>();
		var items = updates.getElementsByTagName("request_update");
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			if (item.getElementsByTagName("service_request_id").item(0).getTextContent().equals(ledgerNo)) {
				statuses.add(item.getElementsByTagName("status").item(0).getTextContent());
			}
		}
		return statuses;
	}

	private void assertError(Reply reply, int status) throws Exception {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		if (reply.contentType().startsWith("text/xml")) {
			Element error = (Element) reply.xml().getElementsByTagName("error").item(0);
			assertThat(reply.xml().getDocumentElement().getTagName()).isEqualTo("errors");
			assertThat(error.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(String.valueOf(status));
			assertThat(error.getElementsByTagName("description").item(0).getTextContent()).isNotBlank();
		}
		else {
			assertThat(reply.contentType()).as(reply.body()).startsWith("application/json");
			JsonNode error = reply.json().get(0);
			assertThat(error.path("code").asInt()).isEqualTo(status);
			assertThat(error.path("description").asString()).isNotBlank();
		}
	}

	private static String encode(String value) {
		return PageClient.encode(value);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Reply get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private Reply getEnglish(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").GET().build());
	}

	private Reply post(String path, String... form) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < form.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(encode(form[i])).append('=').append(encode(form[i + 1]));
		}
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private Reply send(HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
				response);
	}

}
