package org.grassroots.lifeevents.web.consent;

import org.grassroots.lifeevents.ConsentCommands;
import org.grassroots.lifeevents.ConsentNotice;
import org.grassroots.lifeevents.ConsentViews;
import org.grassroots.lifeevents.ConsentVoting;
import org.grassroots.lifeevents.Vote;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The consent's pages for people without an account: an owner's ballot behind their personal link,
 * and the public notice of a passed vote with its objection form.
 */
@PageController
@RequestMapping("/consent")
class ConsentPublicController {

	private final ConsentViews views;

	private final ConsentVoting voting;

	private final ConsentNotice notice;

	private final PublicConsentLimits limits;

	private final Messages messages;

	ConsentPublicController(ConsentViews views, ConsentVoting voting, ConsentNotice notice, PublicConsentLimits limits,
			Messages messages) {
		this.views = views;
		this.voting = voting;
		this.notice = notice;
		this.limits = limits;
		this.messages = messages;
	}

	@GetMapping("/vote/{token}")
	String ballot(@PathVariable String token, Model model, HttpServletRequest request) {
		limits.link(request);
		model.addAttribute("b", views.ballot(token));
		model.addAttribute("token", token);
		model.addAttribute("votes", Vote.values());
		return "lifeevents/consent/ballot";
	}

	@PostMapping("/vote/{token}")
	String vote(@PathVariable String token, @RequestParam(required = false) @Nullable Vote vote,
			HttpServletRequest request, RedirectAttributes redirect) {
		limits.link(request);
		try {
			voting.vote(token, vote);
			redirect.addFlashAttribute("notice", messages.text("le.consent.ballot.thanks"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/consent/vote/" + token;
	}

	@GetMapping("/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		model.addAttribute("n", views.notice(id));
		return "lifeevents/consent/notice";
	}

	@PostMapping("/notices/{id}/objections")
	String object(@PathVariable long id, @RequestParam(defaultValue = "") String objector,
			@RequestParam(required = false) @Nullable String contact, @RequestParam(defaultValue = "") String objection,
			HttpServletRequest request, RedirectAttributes redirect) {
		limits.objection(request);
		try {
			notice.object(id, new ConsentCommands.Objection(objector, contact, objection));
			redirect.addFlashAttribute("notice", messages.text("le.consent.notice.objection-received"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
			redirect.addFlashAttribute("objector", objector);
			redirect.addFlashAttribute("contact", contact);
			redirect.addFlashAttribute("objection", objection);
		}
		return "redirect:/consent/notices/" + id;
	}

}
