package org.grassroots.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.shared.database.DatabaseFailures;
import org.grassroots.shared.database.DatabaseProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database cannot be reached, every request that needs it answers 503 with
 * {@code Retry-After} at once, in the caller's language: a problem detail on /api/**, Open311's
 * errors list on /open311/v2/**, a page otherwise. A filter answers so without touching the pool
 * while the probe says the database is away, and turns the failures of requests already under
 * way (also those raised in filters: sessions, bearer tokens) into the same answer; an exception
 * resolver placed ahead of every controller advice does it for handlers, so that no catch-all
 * handler turns them into 400 or 500. Nothing is logged per request: the probe logs the outage.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);


	private final DatabaseProbe probe;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ITemplateEngine templates;

	private final JsonMapper json;

	private final long retryAfterSeconds;

	DatabaseUnavailable(DatabaseProbe probe, MessageSource messages, LocaleResolver locales, ITemplateEngine templates,
			JsonMapper json, @Value("${grassroots.database.retry-after:PT5S}") Duration retryAfter) {
		this.probe = probe;
		this.messages = messages;
		this.locales = locales;
		this.templates = templates;
		this.json = json;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
	}

	// before Spring Session's filter (Integer.MIN_VALUE + 50), whose commit writes to the database
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new FailFast());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, (request, response, handler, ex) -> {
			if (!DatabaseFailures.unreachable(ex)) {
				return null;
			}
			try {
				answer(request, response);
			}
			catch (IOException io) {
				// the client went away; there is no one left to answer
			}
			return new ModelAndView();
		});
	}

	private final class FailFast extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// what needs no database: health for the orchestrator, static files for the 503 page itself
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/actuator/") || StaticFiles.matches(path);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!probe.available()) {
				answer(request, response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | IOException | RuntimeException ex) {
				if (!DatabaseFailures.unreachable(ex) || response.isCommitted()) {
					throw ex;
				}
				log.debug("Database unreachable during {}", request.getRequestURI());
				response.reset();
				answer(request, response);
			}
		}

	}

	/** Writes the 503 in the form the path asks for. */
	void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		String reason = messages.getMessage("error.database-unavailable",
				new Object[] { String.valueOf(retryAfterSeconds) }, locale);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/open311/v2/")) {
			open311(path, reason, response);
		}
		else if (path.startsWith("/api/")) {
			// written here, outside Spring MVC (whose converter knows how to flatten a ProblemDetail)
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
			problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
			problem.put("detail", reason);
			problem.put("instance", path);
			problem.put("code", "error.database-unavailable");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(problem));
		}
		else {
			Context page = new Context(locale);
			page.setVariable("reason", reason);
			page.setVariable("langTag", locale.toLanguageTag());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(templates.process("error/unavailable", page));
		}
	}

	/** GeoReport v2's errors list, in the format the path names. */
	private void open311(String path, String reason, HttpServletResponse response) throws IOException {
		if (path.regionMatches(true, path.length() - 4, ".xml", 0, 4)) {
			String text = reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
			response.setContentType(MediaType.TEXT_XML_VALUE);
			response.getWriter()
				.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>503</code><description>"
						+ text + "</description></error></errors>");
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(List.of(Map.of("code", 503, "description", reason))));
		}
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

}
