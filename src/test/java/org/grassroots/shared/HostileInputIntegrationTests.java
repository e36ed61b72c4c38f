package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a careless or hostile client sends, answered as a client mistake: a 4xx with problem
 * details on the API, an error page on pages, never a 500, and never the input copied whole into
 * the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJsonOperationSentAsAnotherTypeIsUnsupportedMediaType() throws Exception {
		String token = new Api(port).token("nanan.admin");
		for (String type : List.of("multipart/form-data", "*/*", "text/plain", "application/xml",
				"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "no-such/type;;")) {
			Reply reply = send("POST", "/api/v1/learning/points", token, type, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
			assertThat(reply.status()).as(type + ": " + reply.body()).isEqualTo(415);
			assertProblem(reply, 415);
		}
	}

	@Test
	void nullOrMissingMembersAreRefusedNamingTheField() throws Exception {
		String token = new Api(port).token("nanan.admin");
		assertRefusedNaming(token, "/api/v1/learning/sessions/1/attendance", "{}", "accountIds");
		assertRefusedNaming(token, "/api/v1/learning/sessions/1/attendance", "{\"accountIds\":[1,null]}", "accountIds[1]");
		assertRefusedNaming(token, "/api/v1/learning/points/1/check-in", "{\"k\":1}", "s");
		assertRefusedNaming(token, "/api/v1/learning/sessions/1/check-in", "{\"k\":1,\"s\":null}", "s");
		assertRefusedNaming(new Api(port).token("nanan.sysadmin"), "/api/v1/accounts/1/move", "{\"version\":0}", "unitCode");
		assertRefusedNaming(token, "/api/v1/problems/1/split", "{\"version\":0,\"unitIds\":[null]}", "unitIds[0]");
		assertRefusedNaming(token, "/api/v1/problems", "{\"title\":\"t\",\"description\":\"d\",\"source\":\"SELF_FOUND\","
				+ "\"categoryCode\":\"ROADS\",\"milestones\":[null]}", "milestones[0]");
		assertRefusedNaming(token, "/api/v1/problems", "{\"title\":\"t\",\"description\":\"d\",\"source\":\"SELF_FOUND\","
				+ "\"categoryCode\":\"ROADS\",\"milestones\":[{\"title\":\"m\"}]}", "milestones[0].deadline");
	}

	@Test
	void aBrokenMultipartBodyOrAControlCharacterInAFileNameIsABadRequest() throws Exception {
		String token = new Api(port).token("nanan.admin");
		String path = "/api/v1/problems/1/attachments";
		byte[] truncated = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"
			.getBytes(StandardCharsets.UTF_8);
		for (Reply reply : List.of(send("POST", path, token, "multipart/form-data; boundary=b1", truncated),
				send("POST", path, token, "multipart/form-data; boundary=other", multipart("a.txt")),
				send("POST", path, token, "multipart/form-data", multipart("a.txt")),
				send("POST", path, token, "multipart/form-data; boundary=b1", multipart("a\u0000b.txt")),
				send("POST", path, token, "multipart/form-data; boundary=b1", multipart("a\u001Bb.txt")))) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertProblem(reply, 400);
		}
	}

	@Test
	void aControlCharacterInAFileNameOnAPageIsABadRequestPage() throws Exception {
		PageClient browser = new PageClient(port);
		browser.signIn("nanan.admin", Api.DEMO_PASSWORD);
		String csrf = browser.csrf("/units/import");
		Reply reply = send("POST", "/units/import?_csrf=" + csrf, null, "multipart/form-data; boundary=b1",
				multipart("a\u0000b.csv"), browser);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.body()).contains("<html").doesNotContain("Exception");
	}

	@Test
	void malformedAddressesUnderTheApiAnswerProblemDetails(CapturedOutput log) throws Exception {
		String token = new Api(port).token("nanan.admin");
		for (String path : List.of("/api/v1/units/%00", "/api/v1/units/%FF%FE", "/api/v1/units/%2e%2e%2f%2e%2e%2fetc",
				"/api/v1/units%2F1", "/api/v1/units/..;/1", "/api/v1/units?q=%FF%FE", "/api/v1/units?q=%C3%28",
				"/api/v1/units/1%0d%0aX:1", "/api/v1/units//1")) {
			Reply reply = send("GET", path, token, null, null);
			assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
			assertProblem(reply, 400);
		}
		Reply unknown = send("GET", "/api/v1/no-such-thing", token, null, null);
		assertThat(unknown.status()).isEqualTo(404);
		assertProblem(unknown, 404);
		assertThat(log.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat org.apache");
	}

	@Test
	void malformedAddressesUnderOpen311AnswerOpen311Errors() throws Exception {
		for (String path : List.of("/open311/v2/services.json?jurisdiction_id=%FF%FE", "/open311/v2/requests.json?status=%C3%28",
				"/open311/v2/requests/%00.json", "/open311/v2/requests.json%2F..%2F")) {
			Reply reply = send("GET", path, null, null, null);
			assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).as(path).startsWith("application/json");
			assertThat(JSON.readTree(reply.body()).path(0).path("code").asInt()).as(reply.body()).isEqualTo(400);
		}
		Reply xml = send("GET", "/open311/v2/services.xml?jurisdiction_id=%FF", null, null, null);
		assertThat(xml.status()).isEqualTo(400);
		assertThat(xml.body()).startsWith("<?xml").contains("<code>400</code>");
	}

	@Test
	void aHugeFormParameterIsNotCopiedIntoTheLog(CapturedOutput log) throws Exception {
		PageClient browser = new PageClient(port);
		String huge = "9".repeat(1_000_000);
		int before = log.getAll().length();
		for (String field : List.of("title", "locationUnitId", "latitude", "anonymous", "duplicateChoice", "categoryCode")) {
			String form = "locationUnitId=1&categoryCode=ROADS&title=t&" + field + "=" + huge;
			HttpResponse<String> answer = browser.submit("/report", "/report", form);
			assertThat(answer.statusCode()).as(field).isLessThan(500);
		}
		assertThat(log.getAll().length() - before).isLessThan(10_000);
	}

	@Test
	void theTrackingRedirectEncodesTheCode() throws Exception {
		String code = " ab c?d#e/f\r\nSet-Cookie: x=1 重庆%";
		Reply reply = send("GET", "/track?code=" + PageClient.encode(code), null, null, null);
		assertThat(reply.status()).isEqualTo(302);
		String location = URI.create(reply.location()).getRawPath();
		assertThat(location).doesNotContain(" ", "\r", "\n", "#", "?", "重").startsWith("/track/");
		assertThat(URLDecoder.decode(location.substring("/track/".length()).replace("+", "%2B"), StandardCharsets.UTF_8))
			.isEqualTo(code.trim());
	}

	@Test
	void anOversizedMemberImportIsRefusedAtOnceNamingTheLimit() throws Exception {
		Api api = new Api(port);
		StringBuilder csv = new StringBuilder("username,display_name,unit_code\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append("m").append(i).append("x,Member ").append(i).append(",500108002001\n");
		}
		Api.Reply refused = api.postCsv(api.token("nanan.admin"), "/api/v1/learning/members/import", csv.toString());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("detail")).contains("5000");
		assertThat(jdbc.sql("select count(*) from account where username = 'm0x'").query(Long.class).single()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	private void assertRefusedNaming(String token, String path, String body, String field) throws Exception {
		Reply reply = send("POST", path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).as(path + " " + body + ": " + reply.body()).isEqualTo(400);
		assertProblem(reply, 400);
		List<String> fields = reply.json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
		assertThat(fields).as(reply.body()).contains(field);
	}

	private static void assertProblem(Reply reply, int status) {
		assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
		assertThat(reply.json().path("status").asInt()).as(reply.body()).isEqualTo(status);
		assertThat(reply.json().path("detail").asString()).as(reply.body()).isNotBlank();
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("trace");
	}

	private static byte[] multipart(String fileName) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/plain\r\n\r\nsome text\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	record Reply(int status, String contentType, String location, String body) {

		JsonNode json() {
			return body.startsWith("{") ? JSON.readTree(body) : JSON.createObjectNode();
		}

	}

	private Reply send(String method, String path, String token, String type, byte[] body) throws Exception {
		return send(method, path, token, type, body, null);
	}

	private Reply send(String method, String path, String token, String type, byte[] body, PageClient browser)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", "en")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (type != null) {
			request.header("Content-Type", type);
		}
		if (browser != null) {
			request.header("Accept", "text/html");
		}
		HttpResponse<String> response = (browser != null ? browser.http() : http).send(request.build(),
				HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Location").orElse(""), response.body());
	}

}
