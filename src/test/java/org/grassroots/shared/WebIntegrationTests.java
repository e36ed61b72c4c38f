package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/** Health, the OpenAPI description, error pages and problem details, as a client sees them. */
@IntegrationTest
class WebIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void healthIsUpWhenTheDatabaseAnswers() {
		Api.Reply health = new Api(port).get(null, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("status")).isEqualTo("UP");
	}

	@Test
	void theOpenApiDescriptionCoversEveryApiEndpoint() {
		JsonNode paths = new Api(port).get(null, "/v3/api-docs").json().path("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties().forEach(path -> path.getValue().properties()
			.forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> served = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					mapping.getKey().getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern));
				}
			}
		}
		assertThat(served).isNotEmpty();
		assertThat(documented).containsAll(served);
	}

	@Test
	void pagesAreChineseByDefaultAndEnglishOnRequest() throws Exception {
		assertThat(page("/login", null).body()).contains("登录").contains("lang=\"zh-CN\"");
		HttpResponse<String> english = page("/login?lang=en", null);
		assertThat(english.body()).contains("Sign in");
		String cookie = english.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertThat(page("/login", cookie).body()).contains("Sign in");
	}

	@Test
	void anUnknownPageAnswersAnErrorPageInTheUsersLanguage() throws Exception {
		HttpResponse<String> chinese = page("/webjars/no-such-file.js", null);
		assertThat(chinese.statusCode()).isEqualTo(404);
		assertThat(chinese.body()).contains("未找到").doesNotContain("Exception");
		assertThat(page("/webjars/no-such-file.js?lang=en", null).body()).contains("Not found");
	}

	@Test
	void apiErrorsAreProblemDetails() {
		Api api = new Api(port);
		Api.Reply missing = api.get(api.token("nanan.admin"), "/api/v1/units/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("status").asInt()).isEqualTo(404);
		assertThat(missing.text("detail")).contains("scope");
	}

	@Test
	void signedOutVisitorsAreSentToTheSignInPage() throws Exception {
		HttpResponse<String> units = page("/units", null);
		assertThat(units.statusCode()).isEqualTo(302);
		assertThat(units.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private HttpResponse<String> page(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
