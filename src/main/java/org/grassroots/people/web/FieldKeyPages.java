package org.grassroots.people.web;

import org.grassroots.people.FieldKeys;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's page of keys for personal data (docs/operations.md, Keys). */
@PageController
class FieldKeyPages {

	private final FieldKeys keys;

	private final Messages messages;

	FieldKeyPages(FieldKeys keys, Messages messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping("/security/keys")
	String keys(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("status", keys.status(user));
		return "people/keys";
	}

	@PostMapping("/security/keys/rekey")
	String rekey(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		keys.rekeyNow(user);
		redirect.addFlashAttribute("notice", messages.text("keys.rekey.started"));
		return "redirect:/security/keys";
	}

}
