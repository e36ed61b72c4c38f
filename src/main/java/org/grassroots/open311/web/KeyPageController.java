package org.grassroots.open311.web;

import org.grassroots.open311.Open311Keys;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city administrator's page for Open311 keys: issue (shown once), list, revoke. */
@PageController
@RequestMapping("/open311/keys")
class KeyPageController {

	private final Open311Keys keys;

	private final Messages messages;

	KeyPageController(Open311Keys keys, Messages messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("keys", keys.list(user));
		return "open311/keys";
	}

	@PostMapping
	String issue(@RequestParam String name, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Open311Keys.Issued issued = keys.issue(name, user);
			redirect.addFlashAttribute("issued", issued);
			redirect.addFlashAttribute("notice", messages.text("open311.keys.issued", issued.key().name()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/open311/keys";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			keys.revoke(id, user);
			redirect.addFlashAttribute("notice", messages.text("open311.keys.revoked"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/open311/keys";
	}

}
