package org.grassroots.problems.web;

import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.grassroots.shared.web.PageModelAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts in every staff page's navigation how many notices still need doing (read or not): the
 * layout calls it {@code inboxUnread}.
 */
@PageModelAdvice
class InboxBadge {

	private final ProblemViews views;

	InboxBadge(ProblemViews views) {
		this.views = views;
	}

	@ModelAttribute("inboxUnread")
	@Nullable Integer unread() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.isStaff() ? views.pending(user) : null;
	}

}
