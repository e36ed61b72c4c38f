package org.grassroots.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON API client as an outside caller sees the API: real HTTP, bearer tokens. */
public final class Api {

	public static final String DEMO_PASSWORD = "grassroots-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A status code and the parsed JSON body (or null). */
	public record Reply(int status, JsonNode json, String body) {

		public String text(String field) {
			return json.path(field).asString();
		}

	}

	public String token(String username) {
		return token(username, DEMO_PASSWORD);
	}

	public String token(String username, String password) {
		Reply reply = post(null, "/api/v1/auth/tokens", json("username", username, "password", password));
		if (reply.status() != 201) {
			throw new AssertionError("no token for " + username + ": " + reply.body());
		}
		return reply.text("token");
	}

	private String systemAdmin;

	private String securityAdmin;

	/**
	 * Opens an account as the separate administrators do (docs/people.md): the demo city's system
	 * administrator opens it without roles, then its security administrator grants the body's
	 * {@code roles}. Answers 201 with the account as it is after the grant and the one-time
	 * password, or the first refusal.
	 */
	public Reply openAccount(String json) {
		if (systemAdmin == null) {
			systemAdmin = token("system.admin");
			securityAdmin = token("security.admin");
		}
		return openAccount(systemAdmin, securityAdmin, json);
	}

	/** Opens an account with these two administrators' tokens, as {@link #openAccount(String)}. */
	public Reply openAccount(String systemToken, String securityToken, String json) {
		var body = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
		JsonNode roles = body.remove("roles");
		Reply opened = post(systemToken, "/api/v1/accounts", JSON.writeValueAsString(body));
		if (opened.status() != 201 || roles == null) {
			return opened;
		}
		JsonNode account = opened.json().get("account");
		Reply granted = post(securityToken, "/api/v1/accounts/" + account.get("id").asLong() + "/roles",
				json("roles", roles, "version", account.get("version").asInt()));
		if (granted.status() != 200) {
			return granted;
		}
		var result = JSON.createObjectNode();
		result.set("account", granted.json());
		result.set("oneTimePassword", opened.json().get("oneTimePassword"));
		return new Reply(201, result, JSON.writeValueAsString(result));
	}

	public Reply get(String token, String path) {
		return send(request(token, path).GET());
	}

	public Reply post(String token, String path, String json) {
		return send(request(token, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A JSON POST with further headers, as name and value pairs. */
	public Reply post(String token, String path, String json, String... headers) {
		HttpRequest.Builder builder = request(token, path).header("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Reply postCsv(String token, String path, String csv) {
		return send(request(token, path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
	}

	public Reply put(String token, String path, String json) {
		return send(request(token, path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Reply patch(String token, String path, String json) {
		return send(request(token, path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Sends one file as multipart/form-data under the part name {@code file}. */
	public Reply upload(String token, String path, String fileName, byte[] bytes) {
		String boundary = "----grassroots" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return send(request(token, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, bytes, tail))));
	}

	/** The raw bytes of a download, with its status and content type. */
	public record Download(int status, String contentType, byte[] bytes) {

	}

	public Download download(String token, String path) {
		try {
			HttpResponse<byte[]> response = http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Reply delete(String token, String path) {
		return send(request(token, path).DELETE());
	}

	public static String json(Object... keysAndValues) {
		var node = JSON.createObjectNode();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			node.putPOJO((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return JSON.writeValueAsString(node);
	}

	/** A code no other test run uses, so tests can repeat on a kept PostgreSQL database. */
	public static String uniqueCode(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private HttpRequest.Builder request(String token, String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en");
		return token == null ? builder : builder.header("Authorization", "Bearer " + token);
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = body.isBlank() || !(body.startsWith("{") || body.startsWith("[")) ? JSON.createObjectNode() : JSON.readTree(body);
			return new Reply(response.statusCode(), json, body);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
