package org.grassroots.shared.web;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is signed in and in which language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		return CurrentUser.current();
	}

	/** Whether to offer account management: city and unit administrators. */
	@ModelAttribute("administrator")
	boolean administrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN));
	}

	/** Whether to offer the city-wide settings: the city administrator only. */
	@ModelAttribute("cityAdministrator")
	boolean cityAdministrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.CITY_ADMIN);
	}

	/** Whether to offer the dashboard first: the roles that lead (their landing page after signing in). */
	@ModelAttribute("leader")
	boolean leader() {
		CurrentUser user = CurrentUser.current();
		return user != null && Role.LEADERS.stream().anyMatch(user::has);
	}

	@ModelAttribute("langTag")
	String langTag() {
		return LocaleContextHolder.getLocale().toLanguageTag();
	}

	@ModelAttribute("lang")
	String lang() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
