package org.grassroots.people.internal;

import java.io.IOException;

import org.grassroots.shared.CurrentUser;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A person holding a one-time password may do nothing but change it. */
/* Not a bean: a filter bean would also be registered for every request outside the security chains. */
class PasswordChangeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = CurrentUser.current();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (user != null && user.mustChangePassword() && !path.equals("/account/password") && !path.equals("/logout")
				&& !path.startsWith("/webjars/") && !path.startsWith("/css/") && !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		chain.doFilter(request, response);
	}

}
