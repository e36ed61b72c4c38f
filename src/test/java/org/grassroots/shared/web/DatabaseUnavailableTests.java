package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.grassroots.shared.database.DatabaseProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fail-fast filter with a probe of a real database that does not answer (nothing listens on
 * its port) and of one that does (H2 in memory): 503 with Retry-After at once in the form each
 * path asks for, and the failures of a request under way answered the same.
 */
class DatabaseUnavailableTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DatabaseProbe probe;

	@AfterEach
	void stopProbe() {
		if (probe != null) {
			probe.stop();
		}
	}

	@Test
	void whileTheDatabaseIsAwayTheApiAnswers503WithAProblemDetailAndRetryAfterAtOnce() throws Exception {
		Filter filter = filter(away());
		MockHttpServletRequest request = request("/api/v1/problems");
		request.addHeader("Accept-Language", "en");
		request.addPreferredLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicBoolean passed = new AtomicBoolean();

		filter.doFilter(request, response, (req, res) -> passed.set(true));

		assertThat(passed).isFalse();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.getContentAsString());
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("code").asString()).isEqualTo("error.database-unavailable");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/problems");
		assertThat(problem.path("detail").asString())
			.isEqualTo("The database cannot be reached for the moment. Try again in 5 seconds.");
	}

	@Test
	void open311GetsItsOwnErrorsListAndPagesAPageInTheUsersLanguage() throws Exception {
		Filter filter = filter(away());
		MockHttpServletResponse xml = new MockHttpServletResponse();
		filter.doFilter(request("/open311/v2/requests.xml"), xml, (req, res) -> {
		});
		MockHttpServletResponse page = new MockHttpServletResponse();
		filter.doFilter(request("/problems"), page, (req, res) -> {
		});

		assertThat(xml.getStatus()).isEqualTo(503);
		assertThat(xml.getContentAsString()).contains("<errors><error><code>503</code><description>");
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo("5");
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString()).contains("数据库暂时无法访问，请 5 秒后重试。").contains("lang=\"zh-CN\"");
	}

	@Test
	void healthAndStaticFilesPassEvenWhileTheDatabaseIsAway() throws Exception {
		Filter filter = filter(away());
		AtomicBoolean passed = new AtomicBoolean();
		filter.doFilter(request("/actuator/health"), new MockHttpServletResponse(), (req, res) -> passed.set(true));
		assertThat(passed).isTrue();
	}

	@Test
	void aRequestThatLosesTheDatabaseOnItsWayAnswers503AndOtherFailuresPassOn() throws Exception {
		Filter filter = filter(reachable());
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request("/api/v1/problems"), response, failing(new CannotGetJdbcConnectionException("pool")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");

		assertThatThrownBy(() -> filter.doFilter(request("/api/v1/problems"), new MockHttpServletResponse(),
				failing(new IllegalStateException("a bug")))).isInstanceOf(ServletException.class)
			.hasCauseInstanceOf(IllegalStateException.class);
	}

	private DatabaseProbe away() {
		// nothing listens on port 1: the connection is refused at once
		probe = new DatabaseProbe(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "none", "none"),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThat(probe.check()).isFalse();
		assertThat(probe.available()).isFalse();
		return probe;
	}

	private DatabaseProbe reachable() {
		probe = new DatabaseProbe(new DriverManagerDataSource("jdbc:h2:mem:probe", "sa", ""), Duration.ofSeconds(1),
				Duration.ofSeconds(1));
		assertThat(probe.check()).isTrue();
		return probe;
	}

	private static FilterChain failing(RuntimeException failure) {
		return (req, res) -> {
			throw new ServletException(failure);
		};
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRequestURI(path);
		return request;
	}

	private static Filter filter(DatabaseProbe probe) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		CookieLocaleResolver locales = new CookieLocaleResolver("grassroots-lang");
		locales.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/")
				&& request.getHeader("Accept-Language") != null ? request.getLocale() : Locale.SIMPLIFIED_CHINESE);
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		SpringTemplateEngine templates = new SpringTemplateEngine();
		templates.setTemplateResolver(resolver);
		templates.setTemplateEngineMessageSource(messages);
		return new DatabaseUnavailable(probe, messages, locales, templates, JSON, Duration.ofSeconds(5))
			.databaseUnavailableFilter()
			.getFilter();
	}

}
