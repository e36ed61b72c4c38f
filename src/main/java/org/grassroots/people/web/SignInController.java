package org.grassroots.people.web;

import java.util.List;
import java.util.Optional;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.units.Unit;
import org.grassroots.shared.web.SignInReason;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in page, each role's home page, and the public one for visitors who are not signed in. */
@PageController
class SignInController {

	private final UnitManagement units;

	private final List<SignInReason> reasons;

	private final RequestCache requests = new HttpSessionRequestCache();

	SignInController(UnitManagement units, List<SignInReason> reasons) {
		this.units = units;
		this.reasons = reasons;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request, HttpServletResponse response) {
		// a page the person was sent here from (a scanned check-in code) may say why they must sign in
		SavedRequest saved = requests.getRequest(request, response);
		if (saved != null) {
			UriComponents target = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build();
			String path = target.getPath() == null ? "" : target.getPath().substring(request.getContextPath().length());
			reasons.stream()
				.map(reason -> reason.reason(path, decoded(target.getQueryParams().toSingleValueMap())))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(reason -> model.addAttribute("reason", reason));
		}
		return "people/login";
	}

	private static java.util.Map<String, String> decoded(java.util.Map<String, String> parameters) {
		java.util.Map<String, String> decoded = new java.util.HashMap<>();
		parameters.forEach((name, value) -> decoded.put(name,
				value == null ? "" : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8)));
		return decoded;
	}

	/** Each role's home page; a visitor who is not signed in gets the public one. */
	@GetMapping("/")
	String home(Model model, @AuthenticationPrincipal @Nullable CurrentUser user) {
		if (user == null) {
			return "people/welcome";
		}
		Unit unit = units.get(user.unitId(), DataScope.CITY);
		model.addAttribute("unit", unit);
		model.addAttribute("roles", user.roles());
		model.addAttribute("roots", user.isStaff() ? units.roots(user.scope()) : java.util.List.of());
		return "people/home";
	}

}
