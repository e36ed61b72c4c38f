package org.grassroots.open311.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every {@code /open311/v2} request no endpoint takes, answered in the Open311 error format of the
 * path's suffix (JSON without one): a known path without its format 400, a method the path does
 * not take 405 with {@code Allow}, an {@code OPTIONS} 200 with {@code Allow}, anything else 404.
 * The endpoints' own mappings are more specific, so they always win.
 */
@Controller
@Hidden
class Open311Paths {

	private static final String BASE = "/open311/v2/";

	/** The endpoints without their format, and the methods each takes. */
	private static final Map<Pattern, List<String>> ENDPOINTS = new LinkedHashMap<>();

	static {
		ENDPOINTS.put(Pattern.compile("discovery"), List.of("GET", "HEAD"));
		ENDPOINTS.put(Pattern.compile("services"), List.of("GET", "HEAD"));
		ENDPOINTS.put(Pattern.compile("services/[^/]+"), List.of("GET", "HEAD"));
		ENDPOINTS.put(Pattern.compile("requests"), List.of("GET", "HEAD", "POST"));
		ENDPOINTS.put(Pattern.compile("requests/[^/]+"), List.of("GET", "HEAD"));
		ENDPOINTS.put(Pattern.compile("tokens/[^/]+"), List.of("GET", "HEAD"));
		ENDPOINTS.put(Pattern.compile("servicerequestupdates"), List.of("GET", "HEAD", "POST"));
	}

	private static final Pattern SUFFIX = Pattern.compile("(.+)\\.[A-Za-z0-9]+");

	private final Messages messages;

	Open311Paths(Messages messages) {
		this.messages = messages;
	}

	@RequestMapping("/open311/v2/**")
	ResponseEntity<String> unmatched(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		String path = uri.length() > BASE.length() ? uri.substring(BASE.length()) : "";
		var suffixed = SUFFIX.matcher(path);
		boolean hasFormat = suffixed.matches();
		List<String> allowed = methods(hasFormat ? suffixed.group(1) : path);
		if (allowed == null) {
			return Formats.error(HttpStatus.NOT_FOUND, messages.text("open311.error.not-found"), request);
		}
		if (!hasFormat) {
			return Formats.error(HttpStatus.BAD_REQUEST, messages.text("open311.error.format-missing"), request);
		}
		String allow = String.join(", ", allowed) + ", OPTIONS";
		if (request.getMethod().equals("OPTIONS")) {
			return ResponseEntity.ok().header(HttpHeaders.ALLOW, allow).build();
		}
		if (!allowed.contains(request.getMethod())) {
			ResponseEntity<String> refused = Formats.error(HttpStatus.METHOD_NOT_ALLOWED,
					messages.text("open311.error.method", request.getMethod(), String.join(", ", allowed)), request);
			return ResponseEntity.status(refused.getStatusCode())
				.headers(refused.getHeaders())
				.header(HttpHeaders.ALLOW, allow)
				.body(refused.getBody());
		}
		return Formats.error(HttpStatus.NOT_FOUND, messages.text("open311.error.not-found"), request);
	}

	private static @Nullable List<String> methods(String path) {
		return ENDPOINTS.entrySet()
			.stream()
			.filter(endpoint -> endpoint.getKey().matcher(path).matches())
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
