package org.grassroots.shared.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's request mappings, with each mapping's fixed path prefix and methods checked before
 * Spring's own conditions. Spring finds a path without variables in a map, but a path with one
 * ({@code /api/v1/learning/points/{id}/check-in}) makes it try every mapping of the app, about 400,
 * each with all its conditions, which read the method and headers through half a dozen request
 * wrappers: a fifth of the app's CPU per check-in in a JFR recording. The check here only turns away
 * mappings whose conditions Spring would refuse as well, so the chosen handler and the answers for a
 * wrong method (405, the Allow header, which Spring computes from all mappings) stay Spring's.
 */
final class PrefixedMappings extends RequestMappingHandlerMapping {

	/** Methods a mapping must name to match; HEAD, OPTIONS and CORS preflights keep Spring's rules. */
	private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private final Map<RequestMappingInfo, Gate> gates = new ConcurrentHashMap<>();

	private final ThreadLocal<Probe> probe = new ThreadLocal<>();

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		gates.put(mapping, Gate.of(mapping));
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Probe before = probe.get();
		probe.set(Probe.of(lookupPath, request.getMethod()));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			probe.set(before);
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		Probe current = probe.get();
		Gate gate = current == null ? null : gates.get(info);
		if (gate != null && !gate.admits(current)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	/**
	 * The request as the gates see it: its path, when it is plain (an encoded character or a
	 * {@code ;} parameter is decoded or dropped by Spring before matching, so such a path is not
	 * compared as it is), and its method when Spring matches it only to mappings that name it.
	 */
	record Probe(String path, String method) {

		static Probe of(String lookupPath, String method) {
			boolean plainPath = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			return new Probe(plainPath ? lookupPath : null, PLAIN_METHODS.contains(method) ? method : null);
		}

	}

	/** A mapping's fixed prefixes (each pattern up to its first variable or wildcard) and methods. */
	record Gate(String[] prefixes, Set<String> methods) {

		static Gate of(RequestMappingInfo mapping) {
			String[] prefixes = mapping.getPatternValues().stream().map(Gate::fixedPrefix).toArray(String[]::new);
			Set<String> methods = mapping.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
				.collect(Collectors.toUnmodifiableSet());
			return new Gate(prefixes, methods);
		}

		static String fixedPrefix(String pattern) {
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{' || c == '*' || c == '?') {
					return pattern.substring(0, i);
				}
			}
			return pattern;
		}

		boolean admits(Probe request) {
			if (request.method() != null && !methods.isEmpty() && !methods.contains(request.method())) {
				return false;
			}
			if (request.path() == null || prefixes.length == 0) {
				return true;
			}
			for (String prefix : prefixes) {
				if (request.path().startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

	}

}
