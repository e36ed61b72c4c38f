package org.grassroots.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for errors raised outside a controller (Tomcat, the security firewall, the
 * servlet container's error dispatch) on {@code /api/**}: the same shape and messages as
 * {@link ApiErrors} gives inside one.
 */
final class ApiProblems implements ServerErrorFormat {

	/** A request attribute naming the message that explains the error better than its status does. */
	static final String DETAIL_KEY = ApiProblems.class.getName() + ".detail";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	static boolean isApi(String path) {
		return path.startsWith("/api/");
	}

	@Override
	public boolean answers(String path) {
		return isApi(path);
	}

	@Override
	public String contentType(String path) {
		return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
	}

	@Override
	public String body(String path, int status, HttpServletRequest request) {
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", known != null ? known.getReasonPhrase() : "HTTP " + status);
		problem.put("status", status);
		String key = request.getAttribute(DETAIL_KEY) instanceof String given ? given : detailKey(status);
		problem.put("detail", messages.getMessage(key, null, locale(request)));
		return JSON.writeValueAsString(problem);
	}

	/** The API's language rule (WebConfig): Accept-Language when sent, otherwise Chinese. */
	static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") != null ? request.getLocale() : Locale.SIMPLIFIED_CHINESE;
	}

	private static String detailKey(int status) {
		return switch (status) {
			case 401, 403, 404, 405, 413, 415 -> "error." + status + ".text";
			default -> status >= 500 ? "error.500.text" : "error.400.text";
		};
	}

}
