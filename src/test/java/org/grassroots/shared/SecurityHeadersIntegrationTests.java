package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET page the application maps, found in its handler mappings, answers with the
 * Content-Security-Policy and the other security headers, and its HTML holds no inline script or
 * style the policy would refuse; the API and Swagger UI have their own policies; HSTS and the
 * Secure cookie come with TLS at the proxy and only then.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);

	private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]+\\s(on[a-z]+|hx-on[:a-z-]*)=", Pattern.CASE_INSENSITIVE);

	private static final Pattern EVAL_IN_HTMX = Pattern.compile("hx-(vals|vars|headers)=['\"]\\s*(js|javascript):",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyPageSendsThePoliciesAndHoldsNoInlineCode() throws Exception {
		// given every GET page, with real ids where the path has variables
		Map<String, String> examples = examples();
		Set<String> pages = getPages();
		assertThat(pages).contains("/", "/login", "/report", "/track", "/ledger/{unitCode}", "/learn", "/problems/{id}");
		Set<String> withoutExample = new TreeSet<>();
		PageClient admin = signedIn("city.admin");
		PageClient member = signedIn("member.li");
		for (String pattern : pages) {
			String path = pattern.contains("{") || examples.containsKey(pattern) ? examples.get(pattern) : pattern;
			if (path == null) {
				withoutExample.add(pattern);
				continue;
			}
			// when a signed-in administrator, a party member and a stranger open it
			for (HttpResponse<String> page : List.of(admin.get(path), member.get(path), new PageClient(port).get(path))) {
				// then the page's policy and headers come with it, whatever the answer
				if (!"/error".equals(pattern)) { // opened directly, Spring's error page says 500
					assertThat(page.statusCode()).as(path).isLessThan(500);
				}
				assertHeaders(path, page.headers(), pattern.startsWith("/swagger-ui") ? Kind.SWAGGER_UI
						: pattern.startsWith("/open311/v2/") ? Kind.API : Kind.PAGE);
				if (page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
					assertNoInlineCode(path, page.body());
					// a page may hold personal data: no shared or browser cache keeps it
					assertThat(page.headers().firstValue("Cache-Control")).as(path + " Cache-Control").hasValueSatisfying(
							value -> assertThat(value).contains("no-store"));
				}
			}
		}
		assertThat(withoutExample).as("GET pages with path variables need an example path in examples()").isEmpty();
		assertThat(pages).as("examples() for pages that are gone").containsAll(examples.keySet());
	}

	@Test
	void errorPagesAndRedirectsSendThePoliciesToo() throws Exception {
		PageClient stranger = new PageClient(port);
		HttpResponse<String> notFound = stranger.get("/webjars/no-such-file.js");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertHeaders("404", notFound.headers(), Kind.PAGE);
		assertNoInlineCode("404", notFound.body());

		HttpResponse<String> toSignIn = stranger.get("/problems");
		assertThat(toSignIn.statusCode()).isEqualTo(302);
		assertHeaders("redirect", toSignIn.headers(), Kind.PAGE);

		HttpResponse<String> refused = signedIn("member.li").get("/accounts");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertHeaders("403", refused.headers(), Kind.PAGE);
		assertNoInlineCode("403", refused.body());
	}

	@Test
	void theApiAllowsNothingToLoadOrFrame() throws Exception {
		Api api = new Api(port);
		String token = api.token("city.admin");
		for (HttpResponse<String> reply : List.of(get("/api/v1/units", token, Map.of()), get("/api/v1/units", null, Map.of()),
				get("/api/v1/units/999999999", token, Map.of()), get("/api/v1/public/categories", null, Map.of()))) {
			assertThat(reply.statusCode()).isIn(200, 401, 404);
			assertHeaders(reply.uri().getPath(), reply.headers(), Kind.API);
			assertThat(reply.headers().firstValue("Cache-Control")).as(reply.uri().getPath() + " Cache-Control")
				.hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void swaggerUiGetsItsOwnPolicyWithInlineStylesButNoInlineScript() throws Exception {
		HttpResponse<String> page = get("/swagger-ui/index.html", null, Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertHeaders("swagger", page.headers(), Kind.SWAGGER_UI);
		assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("an inline script in Swagger UI").isFalse();
	}

	@Test
	void tlsAtTheProxyBringsHstsAndASecureSessionCookie() throws Exception {
		// given a request that reached the proxy over TLS
		HttpResponse<String> secure = get("/login", null, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));
		// then the browser is told to stay on HTTPS and the session cookie goes over TLS only
		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
		assertThat(sessionCookie(secure)).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");
		HttpResponse<String> secureApi = get("/api/v1/public/categories", null, Map.of("X-Forwarded-Proto", "https"));
		assertThat(secureApi.headers().firstValue("Strict-Transport-Security")).isPresent();

		// and a plain request gets neither, for a browser would lose its session over plain HTTP
		HttpResponse<String> plain = get("/login", null, Map.of());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(plain)).doesNotContain("Secure").contains("HttpOnly");
		assertThat(get("/api/v1/public/categories", null, Map.of()).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	/** The paths that fill each GET pattern with variables (or a required parameter), from the demo data. */
	private Map<String, String> examples() {
		long district = unit("500108");
		long problem = first("select min(id) from problem");
		long plan = first("select min(id) from study_plan");
		long point = first("select min(id) from learning_point");
		long session = first("select min(id) from study_session");
		long attachment = first("select min(id) from problem_attachment");
		long attachmentProblem = first("select min(problem_id) from problem_attachment");
		Map<String, String> examples = new LinkedHashMap<>();
		examples.put("/units/{id}", "/units/" + district);
		examples.put("/units/{id}/children", "/units/" + district + "/children");
		examples.put("/problems/{id}", "/problems/" + problem);
		examples.put("/problems/{id}/attachments/{attachmentId}",
				"/problems/" + attachmentProblem + "/attachments/" + attachment);
		examples.put("/report/places", "/report/places?parentId=" + district);
		examples.put("/track/{code}", "/track/NO-SUCH-CODE");
		examples.put("/stop/{token}", "/stop/NO-SUCH-LINK");
		examples.put("/audit/archives/{id}/file", "/audit/archives/0/file");
		examples.put("/ledger/{unitCode}", "/ledger/500108002001");
		examples.put("/track/{code}/files/{fileId}", "/track/NO-SUCH-CODE/files/" + attachment);
		String ledgerNo = jdbc.sql("select min(ledger_no) from problem").query(String.class).single();
		examples.put("/my/reports/{ledgerNo}", "/my/reports/" + ledgerNo);
		examples.put("/my/reports/{ledgerNo}/files/{fileId}", "/my/reports/" + ledgerNo + "/files/" + attachment);
		examples.put("/learning/plans/{id}", "/learning/plans/" + plan);
		examples.put("/learning/plans/{id}/coverage.xlsx", "/learning/plans/" + plan + "/coverage.xlsx");
		examples.put("/learning/points/{id}/qr.png", "/learning/points/" + point + "/qr.png");
		examples.put("/learning/points/{id}/poster.pdf", "/learning/points/" + point + "/poster.pdf");
		examples.put("/learning/sessions/{id}/qr.png", "/learning/sessions/" + session + "/qr.png");
		examples.put("/learn/points/{id}/check-in", "/learn/points/" + point + "/check-in?k=1&s=forged");
		examples.put("/learn/sessions/{id}/check-in", "/learn/sessions/" + session + "/check-in?k=1&s=forged");
		examples.put("/dashboard/units/{code}", "/dashboard/units/500108");
		examples.put("/dashboard/units/{code}/problems", "/dashboard/units/500108002/problems?measure=OVERDUE");
		examples.put("/dashboard/units/{code}/ranking.xlsx", "/dashboard/units/500108/ranking.xlsx");
		examples.put("/dashboard/units/{code}/heat.xlsx", "/dashboard/units/500108/heat.xlsx");
		examples.put("/dashboard/units/{code}/trend.xlsx", "/dashboard/units/500108/trend.xlsx");
		examples.put("/dashboard/units/{code}/categories.xlsx", "/dashboard/units/500108/categories.xlsx");
		examples.put("/dashboard/units/{code}/campaign.xlsx", "/dashboard/units/500108/campaign.xlsx");
		long researchPlan = first("select min(id) from research_plan");
		long measure = first("select min(id) from work_measure");
		examples.put("/plans/{id}", "/plans/" + researchPlan);
		examples.put("/plans/{id}/edit", "/plans/" + researchPlan + "/edit");
		examples.put("/plans/{id}/measures/new", "/plans/" + researchPlan + "/measures/new");
		examples.put("/plans/measures/{id}", "/plans/measures/" + measure);
		examples.put("/plans/measures/{id}/edit", "/plans/measures/" + measure + "/edit");
		// evidence that is not there answers the error page, with the same headers
		examples.put("/plans/measures/{id}/evidence/{evidenceId}", "/plans/measures/" + measure + "/evidence/0");
		long visit = first("select min(id) from visit");
		examples.put("/visits/{id}", "/visits/" + visit);
		// the demo visits have no photos: a photo that is not there answers the error page, with the same headers
		examples.put("/visits/{id}/photos/{photoId}", "/visits/" + visit + "/photos/0");
		examples.put("/open311/v2/discovery.{format}", "/open311/v2/discovery.json");
		examples.put("/open311/v2/services.{format}", "/open311/v2/services.json");
		examples.put("/open311/v2/services/{code}.{format}", "/open311/v2/services/ROAD.json");
		examples.put("/open311/v2/requests.{format}", "/open311/v2/requests.json");
		examples.put("/open311/v2/requests/{id}.{format}", "/open311/v2/requests/" + problem + ".json");
		examples.put("/open311/v2/tokens/{token}.{format}", "/open311/v2/tokens/no-such-token.json");
		examples.put("/open311/v2/servicerequestupdates.{format}", "/open311/v2/servicerequestupdates.json");
		examples.put("/dashboard/units/{code}/reports", "/dashboard/units/500108/reports");
		examples.put("/dashboard/units/{code}/reports/{id}.pdf", "/dashboard/units/500108/reports/0.pdf");
		long typicalCase = first("select min(id) from typical_case");
		long mechanism = first("select min(id) from mechanism");
		examples.put("/cases/{id}", "/cases/" + typicalCase);
		examples.put("/cases/{id}/edit", "/cases/" + typicalCase + "/edit");
		examples.put("/cases/{id}/photos/{photoId}", "/cases/" + typicalCase + "/photos/0");
		examples.put("/mechanisms/{id}", "/mechanisms/" + mechanism);
		examples.put("/mechanisms/{id}/edit", "/mechanisms/" + mechanism + "/edit");
		examples.put("/mechanisms/{id}/document", "/mechanisms/" + mechanism + "/document");
		examples.put("/dashboard/units/{code}/one-thing.xlsx", "/dashboard/units/500108/one-thing.xlsx");
		examples.put("/lifeevents/catalogue/{code}", "/lifeevents/catalogue/NEWBORN");
		// a consent, a link or a notice that is not there answers the error page, with the same headers
		examples.put("/lifeevents/consents/{id}", "/lifeevents/consents/0");
		examples.put("/lifeevents/consents/{id}/owners/{ownerId}/edit", "/lifeevents/consents/0/owners/0/edit");
		examples.put("/consent/vote/{token}", "/consent/vote/no-such-link");
		examples.put("/consent/notices/{id}", "/consent/notices/0");
		long application = first("select min(id) from le_application");
		long task = first("select min(id) from le_task");
		examples.put("/lifeevents/{code}/apply", "/lifeevents/NEWBORN/apply");
		examples.put("/lifeevents/applications/{id}", "/lifeevents/applications/" + application);
		examples.put("/my/applications/{id}", "/my/applications/" + application);
		examples.put("/lifeevents/tasks/{id}", "/lifeevents/tasks/" + task);
		// files that are not there answer the error page, with the same headers
		examples.put("/lifeevents/tasks/{id}/answers/{itemId}", "/lifeevents/tasks/" + task + "/answers/0");
		examples.put("/lifeevents/tasks/{id}/documents/{documentId}", "/lifeevents/tasks/" + task + "/documents/0");
		examples.put("/my/applications/{id}/documents/{documentId}", "/my/applications/" + application + "/documents/0");
		return examples;
	}

	/** GET mappings outside the API, from the application's own handler mappings. */
	private Set<String> getPages() {
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : mapping.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					pages.add(pattern);
				}
			}
		}
		return pages;
	}

	/** Which policy an answer must carry. */
	private enum Kind {

		PAGE, SWAGGER_UI, API

	}

	private static void assertHeaders(String path, HttpHeaders headers, Kind kind) {
		Map<String, String> csp = policy(headers);
		assertThat(csp).as(path + " CSP")
			.containsEntry("object-src", "'none'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("frame-ancestors", "'none'");
		if (kind == Kind.API) {
			assertThat(csp).as(path + " CSP").containsEntry("default-src", "'none'").containsEntry("form-action", "'none'");
		}
		else {
			assertThat(csp).as(path + " CSP")
				.containsEntry("default-src", "'self'")
				.containsEntry("script-src", "'self'")
				.containsEntry("form-action", "'self'")
				.containsEntry("style-src", kind == Kind.SWAGGER_UI ? "'self' 'unsafe-inline'" : "'self'");
		}
		assertThat(headers.allValues("Content-Security-Policy")).as(path + " one policy").hasSize(1);
		assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
		assertThat(headers.firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy)
			.contains("camera=(self)", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
		assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).as(path).hasValue("same-origin");
		assertThat(headers.firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
	}

	private static void assertNoInlineCode(String path, String html) {
		assertThat(find(INLINE_SCRIPT, html)).as(path + ": an inline script").isEmpty();
		assertThat(find(INLINE_STYLE, html)).as(path + ": an inline style").isEmpty();
		assertThat(find(EVENT_HANDLER, html)).as(path + ": an event handler attribute").isEmpty();
		assertThat(find(EVAL_IN_HTMX, html)).as(path + ": JavaScript for htmx to eval").isEmpty();
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		return matcher.find() ? html.substring(matcher.start(), Math.min(html.length(), matcher.start() + 120)) : "";
	}

	/** The directives of the one Content-Security-Policy header, by name. */
	private static Map<String, String> policy(HttpHeaders headers) {
		Map<String, String> directives = new LinkedHashMap<>();
		for (String directive : headers.firstValue("Content-Security-Policy").orElse("").split(";")) {
			String[] parts = directive.trim().split("\\s+", 2);
			if (!parts[0].isEmpty()) {
				directives.put(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		return directives;
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	private HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

	private long unit(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
	}

	private long first(String sql) {
		Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
		return id == null ? 0 : id;
	}

}
