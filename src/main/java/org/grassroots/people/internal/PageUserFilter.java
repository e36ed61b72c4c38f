package org.grassroots.people.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.StaticFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reloads the signed-in person on every page request, so a disabled account, new roles or a moved
 * unit take effect at once rather than at the next sign-in; ends a session older than the absolute
 * timeout, however busy (level 3: the idle timeout alone never ends a session in constant use);
 * and a person holding a one-time or expired password may do nothing but change it. Not a bean: a
 * filter bean would also be registered for every request outside the security chains.
 */
class PageUserFilter extends OncePerRequestFilter {

	/** The session attribute holding when the session signed in. */
	static final String SIGNED_IN_AT = "grassroots.signedInAt";

	private final CurrentUserLoader users;

	private final Duration absoluteTimeout;

	private final Clock clock;

	PageUserFilter(CurrentUserLoader users, Duration absoluteTimeout, Clock clock) {
		this.users = users;
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// a static file first: asking who is signed in loads the session from the database
		CurrentUser signedIn = StaticFiles.matches(request) ? null : CurrentUser.current();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (signedIn == null) {
			chain.doFilter(request, response);
			return;
		}
		if (pastAbsoluteTimeout(request)) {
			end(request, response, "/login?expired");
			return;
		}
		Optional<CurrentUser> fresh = users.load(signedIn.accountId())
			.filter(user -> user.isEnabled() && signedInSinceLastPasswordChange(request, user));
		if (fresh.isEmpty()) {
			end(request, response, "/login");
			return;
		}
		CurrentUser user = fresh.get();
		user.eraseCredentials();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		String step = nextStep(request, user);
		if (step != null && !path.equals(step) && !path.startsWith(step + "/") && !path.equals("/logout")
				&& !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + step);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The page the person must finish before any other, if any: the code, a new password, enrolment. */
	private static @Nullable String nextStep(HttpServletRequest request, CurrentUser user) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(SignInSteps.CODE_PENDING) != null) {
			return "/login/code";
		}
		if (user.mustChangePassword()) {
			return "/account/password";
		}
		return session != null && session.getAttribute(SignInSteps.MUST_ENROL) != null ? "/account/second-factor" : null;
	}

	private static void end(HttpServletRequest request, HttpServletResponse response, String then) throws IOException {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		response.sendRedirect(request.getContextPath() + then);
	}

	/** Counted from the sign-in, or from the session's start for a session signed in before the note existed. */
	private boolean pastAbsoluteTimeout(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Instant start = session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at
				: Instant.ofEpochMilli(session.getCreationTime());
		return !start.plus(absoluteTimeout).isAfter(clock.instant());
	}

	/** A session signed in before the password changed (here or by a reset) is over. */
	private static boolean signedInSinceLastPasswordChange(HttpServletRequest request, CurrentUser user) {
		var session = request.getSession(false);
		if (session == null || user.credentialsChangedAt() == null) {
			return true;
		}
		Object signedInAt = session.getAttribute(SIGNED_IN_AT);
		return !(signedInAt instanceof Instant at) || !at.isBefore(user.credentialsChangedAt());
	}

}
