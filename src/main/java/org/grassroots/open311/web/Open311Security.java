package org.grassroots.open311.web;

import java.util.List;

import org.grassroots.shared.web.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * GeoReport is open to anyone: reads need nothing, a POST carries its own {@code api_key}. No
 * session and no CSRF token, since no browser session is involved.
 *
 * Reads may come from a browser on any origin ({@code Access-Control-Allow-Origin: *}, never
 * with credentials). POSTs get no CORS headers: a key is a secret for a client's server, not for
 * a page that anyone can read.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(0)
	SecurityFilterChain geoReportChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/open311/v2/**")
			.csrf(csrf -> csrf.disable())
			.cors(cors -> cors.configurationSource(Open311Security::readsFromAnyOrigin))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(SecurityHeaders.api())
			.build();
	}

	/** CORS for GET and HEAD, and for a preflight asking for them; none for anything else. */
	private static @Nullable CorsConfiguration readsFromAnyOrigin(HttpServletRequest request) {
		String method = request.getMethod();
		if (method.equals("OPTIONS")) {
			method = String.valueOf(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD));
		}
		if (!method.equals("GET") && !method.equals("HEAD")) {
			return null;
		}
		CorsConfiguration reads = new CorsConfiguration();
		reads.addAllowedOrigin("*");
		reads.setAllowedMethods(List.of("GET", "HEAD"));
		reads.addAllowedHeader("*");
		reads.setAllowCredentials(false);
		reads.setExposedHeaders(List.of(Formats.START_HEADER, Formats.END_HEADER));
		reads.setMaxAge(86_400L);
		return reads;
	}

}
