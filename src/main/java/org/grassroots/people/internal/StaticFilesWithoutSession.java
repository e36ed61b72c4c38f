package org.grassroots.people.internal;

import java.io.IOException;
import java.util.Arrays;

import org.grassroots.shared.web.StaticFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stylesheet or script never reads the page session: on static paths the session cookie is
 * hidden from Spring Session. Each file then costs no session SELECT and UPDATE, and while the
 * database is away the 503 page of a signed-in browser still gets its styles instead of a 500
 * after the pool's wait. (Spring Session's cookie resolver is final, and a resolver of our own
 * would stop Boot from building the cookie from {@code server.servlet.session.cookie.*}.)
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesWithoutSession {

	// before Spring Session's filter (Integer.MIN_VALUE + 50)
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> staticFilesWithoutSessionFilter(
			@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new HideSessionCookie(cookieName));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	private static final class HideSessionCookie extends OncePerRequestFilter {

		private final String cookieName;

		HideSessionCookie(String cookieName) {
			this.cookieName = cookieName;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !StaticFiles.matches(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public Cookie[] getCookies() {
					Cookie[] cookies = super.getCookies();
					return cookies == null ? null
							: Arrays.stream(cookies).filter(c -> !c.getName().equals(cookieName)).toArray(Cookie[]::new);
				}
			}, response);
		}

	}

}
