package org.grassroots.people.internal;

import java.io.IOException;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page session must still do after the password: give the code of its second factor, or
 * enrol one where a role requires it. Kept in the session, so every node asks the same;
 * {@code PageUserFilter} sends every other page here until it is done.
 */
public final class SignInSteps {

	static final String CODE_PENDING = "grassroots.codePending";

	static final String MUST_ENROL = "grassroots.mustEnrol";

	private static final SavedRequestAwareAuthenticationSuccessHandler HOME = landing("/");

	// leaders land on their dashboard; a page they were sent to sign in for still comes first
	private static final SavedRequestAwareAuthenticationSuccessHandler DASHBOARD = landing("/dashboard");

	private SignInSteps() {
	}

	public static boolean codePending(HttpServletRequest request) {
		var session = request.getSession(false);
		return session != null && session.getAttribute(CODE_PENDING) != null;
	}

	/** The code was right: a new session id, as at any sign-in, and on to where the person lands. */
	public static void codePassed(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
			throws IOException, ServletException {
		request.getSession().removeAttribute(CODE_PENDING);
		request.changeSessionId();
		land(request, response, signedIn);
	}

	public static void enrolled(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(MUST_ENROL);
		}
	}

	static void land(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
			throws IOException, ServletException {
		boolean leader = signedIn.getPrincipal() instanceof CurrentUser user && Role.LEADERS.stream().anyMatch(user::has);
		(leader ? DASHBOARD : HOME).onAuthenticationSuccess(request, response, signedIn);
	}

	private static SavedRequestAwareAuthenticationSuccessHandler landing(String target) {
		var handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl(target);
		return handler;
	}

}
