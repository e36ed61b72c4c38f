package org.grassroots.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/** The paths that serve files from the jar: they need no database, no session and no signed-in user. */
public final class StaticFiles {

	private static final List<String> PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

	private StaticFiles() {
	}

	public static boolean matches(String path) {
		return PREFIXES.stream().anyMatch(path::startsWith);
	}

	public static boolean matches(HttpServletRequest request) {
		return matches(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
