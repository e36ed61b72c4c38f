package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The limits on what anyone may do without an account, tried with small limits in an application
 * of its own (the shared test application allows far more, as the suite reports from one address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"grassroots.problems.public.reports-per-hour=3", "grassroots.problems.public.lookups-per-minute=5",
		"grassroots.problems.public.upload-megabytes-per-hour=2",
		"grassroots.problems.public.upload-megabytes-per-report=1" })
@DirtiesContext
class PublicLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	Api api;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void trackingCodeGuessesStopAfterTheLimitWithRetryAfterOnTheApiAndThePagesInTheReadersLanguage() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(get("/api/v1/public/reports/GUESS" + i + "ABCDEFG", "application/json").statusCode()).isEqualTo(404);
		}
		HttpResponse<String> api = get("/api/v1/public/reports/GUESS5ABCDEFG", "application/json");
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.body()).contains("\"code\":\"error.rate-limited\"");
		assertThat(retryAfter(api)).isBetween(1L, 60L);

		HttpResponse<String> chinese = get("/track/GUESS6ABCDEFG", "text/html");
		assertThat(chinese.statusCode()).isEqualTo(429);
		assertThat(chinese.body()).contains("请求过多");
		assertThat(retryAfter(chinese)).isBetween(1L, 60L);
		HttpResponse<String> english = get("/track/GUESS7ABCDEFG?lang=en", "text/html");
		assertThat(english.statusCode()).isEqualTo(429);
		assertThat(english.body()).contains("Too many requests from your address");
		// rating by code counts as a look-up too
		assertThat(post("/api/v1/public/reports/GUESS8ABCDEFG/evaluation", "{\"rating\":\"SATISFIED\"}").statusCode())
			.isEqualTo(429);
	}

	@Test
	void reportsAndTheirFilesStopAtTheLimitAndOneReportHoldsOnlySoManyBytes() throws Exception {
		long community = steps.unitId(ProblemSteps.COMMUNITY);
		byte[] photo = Arrays.copyOf(ProblemSafetyIntegrationTests.PNG, 600 * 1024);
		int before = count();

		// two photos of 600 KB pass each file's limit, but not the report's 1 MB together
		HttpResponse<String> tooLarge = reportWithFiles(community, photo, photo);
		assertThat(tooLarge.body()).contains("id=\"error\"").contains("合计不能超过 1 MB");
		assertThat(count()).isEqualTo(before);
		HttpResponse<String> saved = reportWithFiles(community, photo);
		assertThat(saved.body()).contains("id=\"tracking-code\"");
		assertThat(count()).isEqualTo(before + 1);

		// 1.8 MB sent of the 2 MB an address may send in an hour: the next photo is refused
		HttpResponse<String> overBytes = reportWithFiles(community, photo);
		assertThat(overBytes.statusCode()).isEqualTo(429);
		assertThat(retryAfter(overBytes)).isPositive();
		// and the three reports of the hour are used up, also without files, also through the API
		HttpResponse<String> overReports = post("/api/v1/public/reports", Api.json("locationUnitId", community,
				"categoryCode", "OTHER", "title", "one more", "description", "x"));
		assertThat(overReports.statusCode()).isEqualTo(429);
		assertThat(retryAfter(overReports)).isBetween(1L, 3600L);
		assertThat(count()).isEqualTo(before + 1);
	}

	private int count() {
		return jdbc.sql("select count(*) from problem").query(Integer.class).single();
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The report page's form as a phone sends it: fields and photos, its CSRF token in the header. */
	private HttpResponse<String> reportWithFiles(long community, byte[]... files) throws Exception {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/report", "text/html").body());
		assertThat(csrf.find()).isTrue();
		String boundary = "----grassroots" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String[][] fields = { { "locationUnitId", String.valueOf(community) }, { "categoryCode", "OTHER" },
				{ "title", Api.uniqueCode("photo ") }, { "description", "see the photos" }, { "anonymous", "true" },
				{ "duplicateChoice", "new" } };
		for (String[] field : fields) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (byte[] file : files) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/report"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.header("X-CSRF-TOKEN", csrf.group(1))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long retryAfter(HttpResponse<String> response) {
		return Long.parseLong(response.headers().firstValue("Retry-After").orElse("0"));
	}

}
