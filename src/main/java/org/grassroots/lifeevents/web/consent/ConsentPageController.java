package org.grassroots.lifeevents.web.consent;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

import org.grassroots.lifeevents.ConsentCommands;
import org.grassroots.lifeevents.ConsentNotice;
import org.grassroots.lifeevents.ConsentOwner;
import org.grassroots.lifeevents.ConsentRegistry;
import org.grassroots.lifeevents.ConsentRules;
import org.grassroots.lifeevents.ConsentState;
import org.grassroots.lifeevents.ConsentViews;
import org.grassroots.lifeevents.ConsentVoting;
import org.grassroots.lifeevents.Vote;
import org.grassroots.shared.AccountNames;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.grassroots.shared.web.QrCodes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The community office's pages of owners' consents: the list in scope, one consent with its owners,
 * tally, notice and objections and the actions the office may take, an owner's edit form, and the
 * printable sheet of voting links.
 */
@PageController
@RequestMapping("/lifeevents/consents")
class ConsentPageController {

	private final ConsentViews views;

	private final ConsentRegistry registry;

	private final ConsentVoting voting;

	private final ConsentNotice notice;

	private final Messages messages;

	private final AccountNames accountNames;

	ConsentPageController(ConsentViews views, ConsentRegistry registry, ConsentVoting voting, ConsentNotice notice,
			Messages messages, AccountNames accountNames) {
		this.views = views;
		this.registry = registry;
		this.voting = voting;
		this.notice = notice;
		this.messages = messages;
		this.accountNames = accountNames;
	}

	/** A voting link as the printed sheet shows it. */
	record PrintedLink(String flat, String ownerName, String url, String qr) {

	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable ConsentState state, @RequestParam(defaultValue = "0") int page,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		ConsentViews.Page found = views.search(state, page, user);
		model.addAttribute("page", found);
		model.addAttribute("communities", views.communities(found.items()));
		model.addAttribute("states", ConsentState.values());
		model.addAttribute("state", state);
		return "lifeevents/consent/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		ConsentViews.Detail detail = views.detail(id, user);
		model.addAttribute("d", detail);
		model.addAttribute("c", detail.consent());
		model.addAttribute("allowed", detail.allowed().stream().map(Enum::name).toList());
		model.addAttribute("votes", Vote.values());
		List<String> accounts = new java.util.ArrayList<>();
		detail.owners().stream().map(ConsentOwner::recordedBy).filter(java.util.Objects::nonNull).forEach(accounts::add);
		detail.objections().stream().map(o -> o.recordedBy()).filter(java.util.Objects::nonNull).forEach(accounts::add);
		if (detail.consent().decidedBy() != null) {
			accounts.add(detail.consent().decidedBy());
		}
		model.addAttribute("people", accountNames.displayNames(accounts.stream().distinct().toList()));
		return "lifeevents/consent/detail";
	}

	@PostMapping("/{id}/owners")
	String addOwner(@PathVariable long id, @RequestParam(defaultValue = "") String ownerName,
			@RequestParam(defaultValue = "") String flat, @RequestParam(defaultValue = "") String floorArea,
			@RequestParam(defaultValue = "false") boolean affected, @RequestParam(required = false) @Nullable String phone,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.owner-added",
				() -> registry.addOwner(id, new ConsentCommands.Owner(ownerName, flat, area(floorArea), affected, phone), user));
	}

	@GetMapping("/{id}/owners/{ownerId}/edit")
	String editForm(@PathVariable long id, @PathVariable long ownerId, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		ConsentViews.Detail detail = views.detail(id, user);
		ConsentRules.checkOffice(org.grassroots.lifeevents.ConsentAction.EDIT_OWNER, detail.consent().state(), user);
		ConsentOwner owner = detail.owners().stream().filter(o -> o.id() == ownerId).findFirst()
			.orElseThrow(() -> new NotFoundException("consent owner", ownerId));
		model.addAttribute("c", detail.consent());
		model.addAttribute("o", owner);
		return "lifeevents/consent/owner";
	}

	@PostMapping("/{id}/owners/{ownerId}")
	String editOwner(@PathVariable long id, @PathVariable long ownerId, @RequestParam int version,
			@RequestParam(defaultValue = "") String ownerName, @RequestParam(defaultValue = "") String flat,
			@RequestParam(defaultValue = "") String floorArea,
			@RequestParam(defaultValue = "false") boolean affected, @RequestParam(required = false) @Nullable String phone,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.owner-saved", () -> registry.editOwner(id, ownerId,
				new ConsentCommands.EditOwner(version, ownerName, flat, area(floorArea), affected, phone), user));
	}

	@PostMapping("/{id}/owners/{ownerId}/remove")
	String removeOwner(@PathVariable long id, @PathVariable long ownerId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.owner-removed", () -> {
			registry.removeOwner(id, ownerId, new ConsentCommands.Step(version), user);
			return true;
		});
	}

	@PostMapping("/{id}/owners/{ownerId}/vote")
	String recordVote(@PathVariable long id, @PathVariable long ownerId, @RequestParam int version,
			@RequestParam(required = false) @Nullable Vote vote, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.vote-recorded",
				() -> voting.recordVote(id, ownerId, new ConsentCommands.RecordVote(version, vote, note), user));
	}

	@PostMapping("/{id}/open-vote")
	String openVote(@PathVariable long id, @RequestParam int version, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return links(id, model, redirect, () -> registry.openVote(id, new ConsentCommands.Step(version), user));
	}

	@PostMapping("/{id}/links")
	String reissueAll(@PathVariable long id, @RequestParam int version, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return links(id, model, redirect, () -> registry.reissueAll(id, new ConsentCommands.Step(version), user));
	}

	@PostMapping("/{id}/owners/{ownerId}/link")
	String reissue(@PathVariable long id, @PathVariable long ownerId, @RequestParam int version, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return links(id, model, redirect,
				() -> registry.reissueLink(id, ownerId, new ConsentCommands.Step(version), user));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.closed", () -> voting.close(id, new ConsentCommands.Step(version), user));
	}

	@PostMapping("/{id}/objections")
	String recordObjection(@PathVariable long id, @RequestParam(defaultValue = "") String objector,
			@RequestParam(required = false) @Nullable String contact, @RequestParam(defaultValue = "") String objection,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.consent.objection-recorded", () -> notice.recordObjection(id,
				new ConsentCommands.Objection(objector, contact, objection), user));
	}

	@PostMapping("/{id}/decide")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam boolean confirm,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, confirm ? "le.consent.confirmed" : "le.consent.refused",
				() -> notice.decide(id, new ConsentCommands.Decide(version, confirm, note), user));
	}

	/** Shows the links just issued, once: they are not kept, and a refresh would issue none (stale version). */
	private String links(long id, Model model, RedirectAttributes redirect, Supplier<ConsentRegistry.Issued> command) {
		ConsentRegistry.Issued issued;
		try {
			issued = command.get();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
			return "redirect:/lifeevents/consents/" + id;
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		model.addAttribute("c", issued.consent());
		model.addAttribute("links", issued.links().stream()
			.map(link -> new PrintedLink(link.flat(), link.ownerName(), base + link.path(), QrCodes.dataUri(base + link.path())))
			.toList());
		return "lifeevents/consent/links";
	}

	/** The area as typed; text that is no number is bad input in the person's language, not a type error. */
	static @Nullable BigDecimal area(String text) {
		String trimmed = text.trim().replace('，', '.').replace(',', '.');
		if (trimmed.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(trimmed);
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("le.consent.error.area", trimmed.length() > 20 ? trimmed.substring(0, 20) : trimmed);
		}
	}

	private String step(long id, RedirectAttributes redirect, String done, Supplier<?> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", messages.text(done));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/lifeevents/consents/" + id;
	}

}
