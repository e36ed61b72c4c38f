package org.grassroots.units.web;

import org.grassroots.shared.CurrentUser;
import org.grassroots.units.UnitLookup;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The unit pickers' suggestions (htmx): a fragment of the units in the caller's scope matching what was typed. */
@PageController
class UnitPickController {

	static final int SUGGESTIONS = 20;

	private final UnitLookup lookup;

	UnitPickController(UnitLookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/units/pick")
	String pick(@RequestParam(defaultValue = "") String q, Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("choices", lookup.pick(q, user.pickScope(), SUGGESTIONS));
		return "units/pick :: choices";
	}

}
