package org.grassroots.people.web;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and each role's home page. */
@Controller
class SignInController {

	private final UnitManagement units;

	SignInController(UnitManagement units) {
		this.units = units;
	}

	@GetMapping("/login")
	String login() {
		return "people/login";
	}

	@GetMapping("/")
	String home(Model model, @AuthenticationPrincipal CurrentUser user) {
		Unit unit = units.get(user.unitId(), DataScope.CITY);
		model.addAttribute("unit", unit);
		model.addAttribute("roles", user.roles());
		model.addAttribute("roots", user.isStaff() ? units.roots(user.scope()) : java.util.List.of());
		model.addAttribute("isCityAdmin", user.has(Role.CITY_ADMIN));
		model.addAttribute("isAdmin", user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN));
		return "people/home";
	}

}
