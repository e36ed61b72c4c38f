package org.grassroots.people.web;

import org.grassroots.people.MessageContacts;
import org.grassroots.people.MessageContacts.ChooseChannels;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** A person's own choice of how messages reach them (消息接收, docs/outbox.md). */
@PageController
class MessageChannelPages {

	private final MessageContacts contacts;

	private final Messages messages;

	MessageChannelPages(MessageContacts contacts, Messages messages) {
		this.contacts = contacts;
		this.messages = messages;
	}

	@GetMapping("/account/messages")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("channels", contacts.channels(user));
		model.addAttribute("languages", MessageContacts.LANGUAGES);
		return "people/messages";
	}

	@PostMapping("/account/messages")
	String choose(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String email,
			@RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "false") boolean byEmail,
			@RequestParam(required = false) @Nullable String language, @RequestParam int version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			contacts.choose(user, new ChooseChannels(email, sms, byEmail, language, version));
			redirect.addFlashAttribute("notice", messages.text("account.messages.saved"));
			return "redirect:/account/messages";
		}
		catch (DomainException refused) {
			response.setStatus(refused.status() == HttpStatus.CONFLICT ? 409 : 400);
			MessageContacts.Channels shown = contacts.channels(user);
			model.addAttribute("channels", new MessageContacts.Channels(shown.phone(), email, sms, byEmail,
					language == null ? shown.language() : language, shown.version()));
			model.addAttribute("languages", MessageContacts.LANGUAGES);
			model.addAttribute("error", messages.text(refused));
			return "people/messages";
		}
	}

}
