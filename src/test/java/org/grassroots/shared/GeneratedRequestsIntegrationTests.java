package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * At least 10,000 requests generated from the API's own OpenAPI description, every operation
 * mutated: wrong types, nulls, missing and extra members, huge strings, deep nesting, invalid
 * UTF-8, wrong content types, malformed query values and path ids that are absent, malformed or
 * another district's, sent anonymously, as Nan'an's administrator and cadre and as Yuzhong's
 * administrator. Every answer must be below 500 and every error under {@code /api/} problem details.
 * <p>
 * Nothing written by a refused request: the requests of one operation form a batch; when every
 * answer of a batch is a refusal (4xx), the row count of every business table must be the same
 * after the batch as before it. A batch with an accepted request (a generated body can be valid)
 * is not judged, and the next baseline waits until the counts stop moving, because accepted
 * writes are followed by event listeners writing after the commit. Left out are the tables the
 * app writes in the background whatever the requests (event publications, job locks, sessions),
 * and the audit records of refused sign-ins, which are written on purpose.
 * <p>
 * Reproducible: the seed is {@code -Dhostile.seed} (default 18); a failure prints the role,
 * method, path, content type and the start of the body, enough to send the request again.
 */
@IntegrationTest
class GeneratedRequestsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int TARGET = 10_000;

	/** Stands for invalid UTF-8 in a generated body until the bytes are written. */
	private static final String BAD_UTF8 = "\uE000bad\uE000";

	/** Stands for deep nesting in a generated body until it is written. */
	private static final String DEEP = "\uE001deep";

	private static final List<String> TABLES_WRITTEN_IN_BACKGROUND = List.of("event_publication", "shedlock",
			"job_lock", "flyway_schema_history", "spring_session", "audit_seal");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Random random;

	private JsonNode schemas;

	private final Map<String, List<String>> otherScopeIds = new LinkedHashMap<>();

	/** Row counts before the next batch, and whether they were taken after a batch that wrote nothing. */
	private Map<String, Long> before;

	private boolean settled;

	record Role(String name, String token, String district) {

	}

	record Generated(Role role, String method, String path, String contentType, byte[] body) {

		String describe() {
			String text = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
			return role.name() + " " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path)
					+ (contentType == null ? "" : " [" + contentType + "]") + (text.isEmpty() ? "" : " " + text)
					+ (body != null && body.length > 160 ? "…(" + body.length + " bytes)" : "");
		}

	}

	record Answer(Generated request, int status, String contentType, String body) {

	}

	@Test
	void generatedRequestsNeverGetAServerErrorAndRefusalsWriteNothing() throws Exception {
		long seed = Long.getLong("hostile.seed", 18);
		random = new Random(seed);
		Api api = new Api(port);
		JsonNode description = api.get(null, "/v3/api-docs").json();
		schemas = description.path("components").path("schemas");
		List<Role> roles = List.of(new Role("anonymous", null, null),
				new Role("nanan.admin", api.token("nanan.admin"), "南岸区"),
				new Role("nanan.cadre", api.token("nanan.cadre"), "南岸区"),
				new Role("yuzhong.admin", api.token("yuzhong.admin"), "渝中区"));
		findOtherScopeIds();
		List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations = operations(description);
		int perRoleAndOperation = (int) Math.ceil((double) TARGET / (operations.size() * roles.size()));
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		List<String> tables = businessTables();
		int sent = 0;
		int judged = 0;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (var operation : operations) {
				String path = operation.getKey();
				String method = operation.getValue().getKey();
				JsonNode spec = operation.getValue().getValue();
				List<Generated> batch = new ArrayList<>();
				for (Role role : roles) {
					for (int i = 0; i < perRoleAndOperation; i++) {
						batch.add(generate(role, method, path, spec, i));
					}
				}
				judged += judge(method + " " + path, batch, pool, tables, failures) ? 1 : 0;
				sent += batch.size();
			}
			for (String[] operation : OPEN311) {
				List<Generated> batch = new ArrayList<>();
				for (int i = 0; i < OPEN311_PER_OPERATION; i++) {
					batch.add(open311(roles.get(0), operation, i));
				}
				judged += judge(operation[0] + " " + operation[1], batch, pool, tables, failures) ? 1 : 0;
				sent += batch.size();
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("generated requests: %d to %d API and %d Open311 operations as %d roles (seed %d); "
				+ "%d batches all refused and judged%n", sent, operations.size(), OPEN311.size(), roles.size(), seed, judged);
		assertThat(sent).isGreaterThanOrEqualTo(TARGET);
		assertThat(judged).as("batches of refused requests whose writes were judged").isGreaterThan(operations.size() / 2);
		assertThat(failures).as("seed %d: %d failures, the first of them:%n%s", seed, failures.size(),
				String.join(System.lineSeparator(), failures.subList(0, Math.min(50, failures.size())))).isEmpty();
	}

	/** Sends a batch four at a time; when every answer is a refusal, checks that nothing was written. */
	private boolean judge(String operation, List<Generated> batch, ExecutorService pool, List<String> tables,
			List<String> failures) throws Exception {
		if (before == null || !settled) {
			before = settledCounts(tables);
		}
		String forwardedFor = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (2 + random.nextInt(250));
		List<Future<Answer>> answers = new ArrayList<>();
		for (Generated request : batch) {
			answers.add(pool.submit(() -> send(request, forwardedFor)));
		}
		boolean allRefused = true;
		for (Future<Answer> future : answers) {
			Answer answer = future.get();
			check(answer, failures);
			allRefused &= answer.status() >= 400;
		}
		settled = allRefused;
		if (!allRefused) {
			return false;
		}
		Map<String, Long> after = counts(tables);
		if (!after.equals(before)) {
			failures.add("refused requests of " + operation + " wrote rows: " + changed(before, after));
		}
		before = after;
		return true;
	}

	// ---------------------------------------------------------------- Open311, which the description leaves out

	/** Method, path and parameters of each GeoReport v2 operation. */
	private static final List<String[]> OPEN311 = List.of(new String[] { "GET", "/open311/v2/discovery.{format}", "" },
			new String[] { "GET", "/open311/v2/services.{format}", "jurisdiction_id" },
			new String[] { "GET", "/open311/v2/services/{code}.{format}", "jurisdiction_id" },
			new String[] { "GET", "/open311/v2/requests.{format}",
					"service_request_id,service_code,start_date,end_date,status,page,page_size" },
			new String[] { "GET", "/open311/v2/requests/{id}.{format}", "jurisdiction_id" },
			new String[] { "GET", "/open311/v2/tokens/{token}.{format}", "" },
			new String[] { "GET", "/open311/v2/servicerequestupdates.{format}", "start_date,end_date" },
			new String[] { "POST", "/open311/v2/requests.{format}",
					"api_key,service_code,lat,long,address_string,description,email,first_name,media_url" },
			new String[] { "POST", "/open311/v2/servicerequestupdates.{format}", "api_key,service_request_id,description" });

	private static final int OPEN311_PER_OPERATION = 60;

	private Generated open311(Role role, String[] operation, int index) {
		String format = List.of("json", "xml", "json", "xml", "html", "JSON", "%00", "x".repeat(500)).get(index % 8);
		String path = VARIABLE.matcher(operation[1].replace("{format}", format))
			.replaceAll(variable -> Matcher.quoteReplacement(pathValue(role, operation[1], variable.group(1), index)));
		List<String> pairs = new ArrayList<>();
		for (String name : operation[2].split(",")) {
			if (!name.isEmpty() && random.nextInt(3) > 0) {
				pairs.add(name + "=" + List.of("abc", "%FF%FE", "9".repeat(5000), "%00%0D%0A", "-1", "2026-13-45T99:00:00Z",
						"1e999", encode("生成的文字"), "", "1,2,3," + "4,".repeat(300)).get(random.nextInt(10)));
			}
		}
		String parameters = String.join("&", pairs);
		if ("GET".equals(operation[0])) {
			return new Generated(role, "GET", parameters.isEmpty() ? path : path + "?" + parameters, null, null);
		}
		String type = List.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "*/*",
				"application/json", "multipart/form-data").get(index % 5);
		return new Generated(role, "POST", path, type, parameters.getBytes(StandardCharsets.UTF_8));
	}

	// ---------------------------------------------------------------- the description

	/** Path, then method and operation, in the description's order. */
	private static List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations(JsonNode description) {
		List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations = new ArrayList<>();
		description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
				operations.add(Map.entry(path.getKey(), Map.entry(method.getKey().toUpperCase(), method.getValue())));
			}
		}));
		assertThat(operations).hasSizeGreaterThan(50);
		return operations;
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			String ref = current.path("$ref").asString();
			current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return current;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		if (schema.has("properties")) {
			return "object";
		}
		if (schema.has("oneOf") || schema.has("anyOf")) {
			return "object";
		}
		return "string";
	}

	// ---------------------------------------------------------------- generating

	private Generated generate(Role role, String method, String template, JsonNode spec, int index) {
		String path = path(role, template, spec, index);
		JsonNode body = spec.path("requestBody").path("content");
		if (body.isMissingNode() || body.isEmpty()) {
			return new Generated(role, method, path, null, null);
		}
		String declared = body.properties().iterator().next().getKey();
		JsonNode schema = resolve(body.path(declared).path("schema"));
		if (declared.startsWith("multipart/")) {
			return multipart(role, method, path, index);
		}
		if (!declared.contains("json")) {
			return new Generated(role, method, path, index % 2 == 0 ? declared : "application/json",
					(index % 3 == 0 ? "x".repeat(200_000) : "a,b,c\n\u0000,\uFFFF,\n" + "z".repeat(index)).getBytes(StandardCharsets.UTF_8));
		}
		return json(role, method, path, schema, index);
	}

	private Generated json(Role role, String method, String path, JsonNode schema, int index) {
		JsonNode value = value(schema, 0);
		String contentType = "application/json";
		byte[] bytes;
		switch (index % 12) {
			case 0 -> bytes = write(value);
			case 1 -> bytes = write(mutateMember(value, member -> NODES.nullNode()));
			case 2 -> bytes = write(removeMember(value));
			case 3 -> bytes = write(extraMember(value));
			case 4 -> bytes = write(mutateMember(value, this::wrongType));
			case 5 -> bytes = write(mutateMember(value, member -> NODES.stringNode("長".repeat(100_000 + random.nextInt(100)))));
			case 6 -> bytes = write(mutateMember(value, member -> deep(600 + random.nextInt(2000))));
			case 7 -> bytes = write(mutateMember(value, member -> NODES.stringNode(BAD_UTF8)));
			case 8 -> bytes = write(mutateMember(value, member -> nullElements(member)));
			case 9 -> {
				contentType = List.of("multipart/form-data", "*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded",
						"multipart/form-data; boundary=zz", "application/json; charset=klingon", "application/*", "no/such;;type", "")
					.get(random.nextInt(10));
				bytes = write(value);
			}
			case 10 -> bytes = List.of("", "[]", "\"x\"", "123", "null", "{\"a\":", "{\"a\":1}}", "{'a':1}", "\uFEFF{}",
					"[".repeat(5000)).get(random.nextInt(10)).getBytes(StandardCharsets.UTF_8);
			default -> {
				bytes = write(mutateMember(value, member -> wrongType(member)));
				contentType = "application/json;charset=UTF-8";
			}
		}
		return new Generated(role, method, path, contentType.isEmpty() ? null : contentType, bytes);
	}

	private Generated multipart(Role role, String method, String path, int index) {
		String boundary = "gen" + random.nextInt(1_000_000);
		String name = switch (index % 4) {
			case 0 -> "a\u0000b.txt";
			case 1 -> "a\u001b[31mb.txt";
			default -> "note.txt";
		};
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\nsome text").getBytes(StandardCharsets.UTF_8));
		if (index % 5 != 4) {
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		String type = switch (index % 3) {
			case 0 -> "multipart/form-data; boundary=" + boundary;
			case 1 -> "multipart/form-data";
			default -> "multipart/form-data; boundary=other";
		};
		return new Generated(role, method, path, type, body.toByteArray());
	}

	/** A well-typed value for a schema, small and random. */
	private JsonNode value(JsonNode raw, int depth) {
		JsonNode schema = resolve(raw);
		if (schema.has("enum") && schema.path("enum").size() > 0) {
			return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
		}
		return switch (type(schema)) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					schema.path("properties").properties().forEach(member -> object.set(member.getKey(), value(member.getValue(), depth + 1)));
					if (schema.path("additionalProperties").isObject()) {
						object.set("k" + random.nextInt(9), value(schema.path("additionalProperties"), depth + 1));
					}
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4) {
					array.add(value(schema.path("items"), depth + 1));
				}
				yield array;
			}
			case "integer" -> NODES.numberNode(random.nextInt(3));
			case "number" -> NODES.numberNode(random.nextInt(100) / 4.0);
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode(string(schema.path("format").asString()));
		};
	}

	private String string(String format) {
		return switch (format) {
			case "date" -> "2026-12-0" + (1 + random.nextInt(9));
			case "date-time" -> "2026-12-01T0" + random.nextInt(10) + ":00:00Z";
			case "partial-time", "time" -> "0" + random.nextInt(10) + ":30:00";
			default -> List.of("x", "生成的文字", "500108", "ROADS", "", " ", "a'b\"c<d>", "𝔘𝔫𝔦")
				.get(random.nextInt(8));
		};
	}

	private JsonNode mutateMember(JsonNode value, java.util.function.UnaryOperator<JsonNode> change) {
		if (!(value instanceof ObjectNode object) || object.isEmpty()) {
			return change.apply(value);
		}
		List<String> names = new ArrayList<>(object.propertyNames());
		String name = names.get(random.nextInt(names.size()));
		JsonNode member = object.get(name);
		if (member instanceof ObjectNode nested && !nested.isEmpty() && random.nextBoolean()) {
			object.set(name, mutateMember(nested, change));
		}
		else if (member instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first && random.nextBoolean()) {
			array.set(0, mutateMember(first, change));
		}
		else {
			object.set(name, change.apply(member));
		}
		return object;
	}

	private JsonNode removeMember(JsonNode value) {
		if (value instanceof ObjectNode object && !object.isEmpty()) {
			List<String> names = new ArrayList<>(object.propertyNames());
			object.remove(names.get(random.nextInt(names.size())));
		}
		return value;
	}

	private JsonNode extraMember(JsonNode value) {
		if (value instanceof ObjectNode object) {
			object.set("unexpected" + random.nextInt(100), NODES.stringNode("extra"));
			object.set("id", NODES.numberNode(1));
			object.set("version", NODES.numberNode(-1));
		}
		return value;
	}

	private JsonNode wrongType(JsonNode member) {
		if (member.isString()) {
			return random.nextBoolean() ? NODES.objectNode().put("a", 1) : NODES.arrayNode().add("x");
		}
		if (member.isNumber()) {
			return List.<JsonNode>of(NODES.stringNode("abc"), NODES.stringNode("1e999"), NODES.numberNode(new java.math.BigDecimal("1e400")),
					NODES.numberNode(Long.MAX_VALUE), NODES.stringNode("99999999999999999999999")).get(random.nextInt(5));
		}
		if (member.isBoolean()) {
			return NODES.stringNode("yes");
		}
		if (member.isArray()) {
			return random.nextBoolean() ? NODES.stringNode("not a list") : NODES.objectNode();
		}
		return random.nextBoolean() ? NODES.numberNode(7) : NODES.stringNode("not an object");
	}

	private static JsonNode nullElements(JsonNode member) {
		ArrayNode array = NODES.arrayNode();
		array.addNull();
		if (member.isArray() && !member.isEmpty()) {
			array.add(member.get(0));
			array.addNull();
		}
		return array;
	}

	/** A marker the writer replaces with the nesting: Jackson refuses to write it deeper than 500. */
	private static JsonNode deep(int depth) {
		return NODES.stringNode(DEEP + depth);
	}

	private static String nesting(int depth) {
		return "[{\"d\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2);
	}

	private static byte[] write(JsonNode value) {
		String text = JSON.writeValueAsString(value);
		Matcher deep = Pattern.compile("\"" + DEEP + "(\\d+)\"").matcher(text);
		if (deep.find()) {
			text = text.substring(0, deep.start()) + nesting(Integer.parseInt(deep.group(1))) + text.substring(deep.end());
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		byte[] marker = BAD_UTF8.getBytes(StandardCharsets.UTF_8);
		int at = indexOf(bytes, marker);
		if (at < 0) {
			return bytes;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(bytes, 0, at);
		out.writeBytes(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		out.write(bytes, at + marker.length, bytes.length - at - marker.length);
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	// ---------------------------------------------------------------- paths and queries

	private String path(Role role, String template, JsonNode spec, int index) {
		Matcher variables = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			variables.appendReplacement(path, Matcher.quoteReplacement(pathValue(role, template, variables.group(1), index)));
		}
		variables.appendTail(path);
		String query = query(spec, index);
		return query.isEmpty() ? path.toString() : path + "?" + query;
	}

	/** Absent, malformed or another district's: never an id the caller may act on. */
	private String pathValue(Role role, String template, String name, int index) {
		List<String> others = role.district() == null ? List.of() : otherScopeIds.getOrDefault(role.district() + template(template), List.of());
		if (!others.isEmpty() && index % 3 == 0) {
			return others.get(random.nextInt(others.size()));
		}
		return List.of("999999999", "-1", "0", "99999999999999999999", "abc", "%00", "%FF%FE", "%2e%2e%2f%2e%2e", "a%2Fb",
				"%E2%80%AE", "1.5", "%20", "x".repeat(3000), "%C0%AF", "null").get(random.nextInt(15));
	}

	private static String template(String template) {
		for (String kind : List.of("/api/v1/problems/{", "/api/v1/accounts/{", "/api/v1/units/{")) {
			if (template.startsWith(kind)) {
				return kind;
			}
		}
		return template;
	}

	private String query(JsonNode spec, int index) {
		List<String> pairs = new ArrayList<>();
		for (JsonNode parameter : spec.path("parameters")) {
			if (!"query".equals(parameter.path("in").asString()) || random.nextInt(3) == 0) {
				continue;
			}
			String name = parameter.path("name").asString();
			String value = switch ((index + pairs.size()) % 6) {
				case 0 -> encode(value(parameter.path("schema"), 0).asString());
				case 1 -> "abc";
				case 2 -> "%FF%FE";
				case 3 -> "9".repeat(2000 + random.nextInt(5000));
				case 4 -> "%00%0D%0A";
				default -> "-99999999999999999999";
			};
			pairs.add(name + "=" + value);
		}
		if (index % 7 == 0) {
			pairs.add("unknown=" + random.nextInt());
			pairs.add("page=-1&size=100000000");
		}
		return String.join("&", pairs);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
	}

	/** A few ids of problems, accounts and units in each district, for the other district's callers. */
	private void findOtherScopeIds() {
		for (String district : List.of("南岸区", "渝中区")) {
			String other = district.equals("南岸区") ? "渝中区" : "南岸区";
			String unitPath = jdbc.sql("select path from unit where name_zh = ?").param(district).query(String.class).single();
			otherScopeIds.put(other + "/api/v1/problems/{", ids("select id from problem where raising_unit_path like ?", unitPath));
			otherScopeIds.put(other + "/api/v1/accounts/{", ids("select id from account where unit_path like ?", unitPath));
			otherScopeIds.put(other + "/api/v1/units/{", ids("select id from unit where path like ?", unitPath));
		}
	}

	private List<String> ids(String sql, String unitPath) {
		return jdbc.sql(sql + " order by id limit 5").param(unitPath + "%").query(Long.class).list().stream().map(String::valueOf).toList();
	}

	// ---------------------------------------------------------------- sending and judging

	private Answer send(Generated request, String forwardedFor) {
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Language", (request.path().hashCode() & 1) == 0 ? "en" : "zh-CN")
				.header("X-Forwarded-For", forwardedFor)
				.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(request.body()));
			if (request.role().token() != null) {
				builder.header("Authorization", "Bearer " + request.role().token());
			}
			if (request.contentType() != null) {
				builder.header("Content-Type", request.contentType());
			}
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (Exception ex) {
			return new Answer(request, 599, "", "no answer: " + ex);
		}
	}

	private static void check(Answer answer, List<String> failures) {
		String problem = null;
		if (answer.status() >= 500) {
			problem = "server error";
		}
		else if (answer.status() >= 400 && answer.request().path().startsWith("/api/")) {
			problem = problemDetails(answer);
		}
		else if (answer.status() >= 400 && answer.request().path().startsWith("/open311/")
				&& (answer.contentType().startsWith("text/html") || answer.body().contains("<html"))) {
			problem = "an HTML error on Open311";
		}
		if (problem != null) {
			failures.add(problem + " " + answer.status() + ": " + answer.request().describe() + " -> "
					+ answer.contentType() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
		}
	}

	private static String problemDetails(Answer answer) {
		if (!answer.contentType().startsWith("application/problem+json")) {
			return "not problem details";
		}
		try {
			JsonNode body = JSON.readTree(answer.body());
			if (body.path("status").asInt() != answer.status() || body.path("detail").asString().isBlank()) {
				return "incomplete problem details";
			}
			return answer.body().contains("Exception") ? "an exception in the answer" : null;
		}
		catch (RuntimeException ex) {
			return "unreadable problem details";
		}
	}

	// ---------------------------------------------------------------- what was written

	private List<String> businessTables() {
		return jdbc.sql("select lower(table_name) from information_schema.tables where lower(table_schema) = 'public' "
				+ "and table_type in ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> TABLES_WRITTEN_IN_BACKGROUND.stream().noneMatch(table::startsWith))
			.sorted()
			.toList();
	}

	private Map<String, Long> counts(List<String> tables) {
		String sql = String.join(" union all ", tables.stream()
			.map(table -> "select '" + table + "' as t, count(*) as n from " + table
					+ (table.equals("audit_record") ? " where kind <> 'SIGN_IN_FAILED'" : ""))
			.toList());
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	/** The counts once they stop moving: listeners of an accepted request's events write after its answer. */
	private Map<String, Long> settledCounts(List<String> tables) throws InterruptedException {
		Map<String, Long> last = counts(tables);
		for (int i = 0; i < 40; i++) {
			Thread.sleep(150);
			Map<String, Long> now = counts(tables);
			if (now.equals(last)) {
				return now;
			}
			last = now;
		}
		return last;
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> changes = new LinkedHashMap<>();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changes.put(table, before.get(table) + " -> " + count);
			}
		});
		return changes.toString();
	}

}
