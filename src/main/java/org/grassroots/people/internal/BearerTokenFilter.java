package org.grassroots.people.internal;

import java.io.IOException;
import java.util.Optional;

import org.grassroots.people.AccessTokens;
import org.grassroots.shared.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs in an API call by its {@code Authorization: Bearer} token; a revoked or unknown token answers 401. */
/* Not a bean: a filter bean would also be registered for every request outside the security chains. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final AccessTokens tokens;

	private final ApiProblems problems;

	private final TokenUserCache cache;

	BearerTokenFilter(AccessTokens tokens, ApiProblems problems, TokenUserCache cache) {
		this.tokens = tokens;
		this.problems = problems;
		this.cache = cache;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).trim();
		Optional<CurrentUser> user = cache.get(token, () -> tokens.personOf(token)
			.filter(found -> found.isEnabled() && found.isAccountNonLocked() && !found.mustChangePassword()));
		if (user.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.401.token");
			return;
		}
		user.get().eraseCredentials();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
