package org.grassroots.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages as a browser without JavaScript uses them: a session cookie, the CSRF field, redirects by hand. */
public class PageClient {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	public PageClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** The client with this browser's cookies, for requests the methods here do not build. */
	public HttpClient http() {
		return http;
	}

	public String csrf(String page) throws Exception {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
		assertThat(matcher.find()).as("a CSRF field on " + page).isTrue();
		return matcher.group(1);
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A download as the signed-in person: status, content type and bytes. */
	public HttpResponse<byte[]> bytes(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Signs in and answers where the page sent the browser. */
	public String signIn(String username, String password) throws Exception {
		HttpResponse<String> response = post("/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrf("/login"));
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	public int postWithoutCsrf(String username, String password) throws Exception {
		return post("/login", "username=" + encode(username) + "&password=" + encode(password)).statusCode();
	}

	/** Posts a form taken from a page, with that page's CSRF token. */
	public HttpResponse<String> submit(String page, String action, String form) throws Exception {
		return post(action, form + "&_csrf=" + csrf(page));
	}

	public HttpResponse<String> post(String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
