package org.grassroots.problems.web;

import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The in-app inbox of the signed-in person's unit. */
@Controller
@RequestMapping("/inbox")
class InboxController {

	private final ProblemViews views;

	InboxController(ProblemViews views) {
		this.views = views;
	}

	@GetMapping
	String inbox(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("notices", views.inbox(user));
		return "problems/inbox";
	}

	@PostMapping("/read")
	String markRead(@AuthenticationPrincipal CurrentUser user) {
		views.markInboxRead(user);
		return "redirect:/inbox";
	}

}
