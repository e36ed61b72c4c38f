package org.grassroots.shared.web;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is signed in and in which language. */
@PageModelAdvice
class LayoutModel {

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		return CurrentUser.current();
	}

	/** Whether to offer the API's documentation: the campaign's and the separate administrators. */
	@ModelAttribute("administrator")
	boolean administrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN)
				|| user.roles().stream().anyMatch(Role::isSeparateDuty));
	}

	/** Whether to offer account management: the system and security administrators. */
	@ModelAttribute("accountAdministrator")
	boolean accountAdministrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.SYSTEM_ADMIN) || user.has(Role.SECURITY_ADMIN));
	}

	/** Whether to offer people's requests about their personal data: the system administrator. */
	@ModelAttribute("systemAdministrator")
	boolean systemAdministrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.SYSTEM_ADMIN);
	}

	/** Whether to offer the keys for personal data: the city's security administrator. */
	@ModelAttribute("keyAdministrator")
	boolean keyAdministrator() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.SECURITY_ADMIN) && user.accountsScope().all();
	}

	/** Whether to offer verifying and archiving the audit log: the security auditor. */
	@ModelAttribute("auditor")
	boolean auditor() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.SECURITY_AUDITOR);
	}

	/** Whether to offer the audit log: staff read their scope's records, the auditor all of them. */
	@ModelAttribute("auditReader")
	boolean auditReader() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.isStaff() || user.has(Role.SECURITY_AUDITOR));
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

	/**
	 * Whether to offer research plans and benchmarking: the city office, unit administrators and
	 * leading cadres, who write, work and follow plans (caseworkers reach a measure from its plan).
	 */
	@ModelAttribute("planner")
	boolean planner() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN) || user.has(Role.LEADING_CADRE));
	}

	/**
	 * Whether to offer the owners' consents to install elevators: the community offices, unit
	 * administrators and caseworkers, who register owners and run the vote.
	 */
	@ModelAttribute("consentOffice")
	boolean consentOffice() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.UNIT_ADMIN) || user.has(Role.CASEWORKER));
	}

	/** Whether to offer a resident's pages: report, own reports, tracking and the public ledger. */
	@ModelAttribute("resident")
	boolean resident() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.RESIDENT);
	}

	/** Whether to offer a party member's pages: learning progress and check-in. */
	@ModelAttribute("member")
	boolean member() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.PARTY_MEMBER);
	}

	/** Whether to offer logging a visit and one's own visits: leading cadres. */
	@ModelAttribute("visitCadre")
	boolean visitCadre() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.has(Role.LEADING_CADRE);
	}

	/** Whether to offer the visit log of the scope: city and unit administrators and steering groups. */
	@ModelAttribute("visitReader")
	boolean visitReader() {
		CurrentUser user = CurrentUser.current();
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN) || user.has(Role.STEERING_GROUP));
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
