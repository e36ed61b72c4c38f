package org.grassroots.open311.web;

import org.grassroots.shared.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * GeoReport is open to anyone: reads need nothing, a POST carries its own {@code api_key}. No
 * session and no CSRF token, since no browser session is involved.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(0)
	SecurityFilterChain geoReportChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/open311/v2/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(SecurityHeaders.api())
			.build();
	}

}
