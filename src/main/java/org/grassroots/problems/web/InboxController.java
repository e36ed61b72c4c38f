package org.grassroots.problems.web;

import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The in-app inbox of the signed-in person's unit. */
@PageController
@RequestMapping("/inbox")
class InboxController {

	private final ProblemViews views;

	InboxController(ProblemViews views) {
		this.views = views;
	}

	/** What still needs doing first; done notices (greyed) under their own tab. */
	@GetMapping
	String inbox(@RequestParam(defaultValue = "todo") String tab, Model model, @AuthenticationPrincipal CurrentUser user) {
		boolean done = "done".equals(tab);
		model.addAttribute("tab", done ? "done" : "todo");
		model.addAttribute("notices", views.inbox(user, done));
		return "problems/inbox";
	}

	@PostMapping("/read")
	String markRead(@AuthenticationPrincipal CurrentUser user) {
		views.markInboxRead(user);
		return "redirect:/inbox";
	}

}
