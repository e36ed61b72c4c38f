package org.grassroots.problems.web;

import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts in every staff page's navigation how many notices still need doing (read or not): the
 * layout calls it {@code inboxUnread}.
 */
@ControllerAdvice(annotations = Controller.class)
class InboxBadge {

	private final ProblemViews views;

	InboxBadge(ProblemViews views) {
		this.views = views;
	}

	@ModelAttribute("inboxUnread")
	@Nullable Integer unread(jakarta.servlet.http.HttpServletRequest request) {
		CurrentUser user = CurrentUser.current();
		boolean page = !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		return page && user != null && user.isStaff() ? views.pending(user) : null;
	}

}
