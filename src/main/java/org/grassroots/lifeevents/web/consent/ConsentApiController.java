package org.grassroots.lifeevents.web.consent;

import org.grassroots.lifeevents.Consent;
import org.grassroots.lifeevents.ConsentCommands;
import org.grassroots.lifeevents.ConsentNotice;
import org.grassroots.lifeevents.ConsentObjection;
import org.grassroots.lifeevents.ConsentOwner;
import org.grassroots.lifeevents.ConsentRegistry;
import org.grassroots.lifeevents.ConsentState;
import org.grassroots.lifeevents.ConsentViews;
import org.grassroots.lifeevents.ConsentVoting;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/lifeevents/consents")
@Tag(name = "Elevator consents", description = "Owners' consent to install an elevator in an existing building (Civil Code "
		+ "article 278): the community office registers the owners, opens the vote (each owner gets a personal link), records "
		+ "paper votes, closes the vote (the tally decides: public notice or refused), records objections and decides after a "
		+ "notice with objections. Reads are limited to the caller's scope (404 outside it); commands need a unit "
		+ "administrator or caseworker (403) and take the version the caller saw (409 when stale or in the wrong state)")
class ConsentApiController {

	private final ConsentViews views;

	private final ConsentRegistry registry;

	private final ConsentVoting voting;

	private final ConsentNotice notice;

	ConsentApiController(ConsentViews views, ConsentRegistry registry, ConsentVoting voting, ConsentNotice notice) {
		this.views = views;
		this.registry = registry;
		this.voting = voting;
		this.notice = notice;
	}

	@GetMapping
	@Operation(summary = "The consents in the caller's scope, newest first, 20 a page, optionally in one state")
	ConsentViews.Page search(@RequestParam(required = false) @Nullable ConsentState state,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		return views.search(state, page, user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One consent with its owners (phones masked), the tally's five conditions (areas in hundredths of "
			+ "a square metre), objections and the actions the caller may take now")
	ConsentViews.Detail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return views.detail(id, user);
	}

	@PostMapping("/{id}/owners")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an owner while REGISTERING: name, flat (unique in the building), exclusive floor area in "
			+ "square metres (more than 0, two decimals at most), whether the work takes part of their own space, phone (optional)")
	ConsentOwner addOwner(@PathVariable long id, @RequestBody ConsentCommands.Owner command,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.addOwner(id, command, user);
	}

	@PutMapping("/{id}/owners/{ownerId}")
	@Operation(summary = "Change an owner while REGISTERING, from the owner's version")
	ConsentOwner editOwner(@PathVariable long id, @PathVariable long ownerId, @RequestBody ConsentCommands.EditOwner command,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.editOwner(id, ownerId, command, user);
	}

	@DeleteMapping("/{id}/owners/{ownerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an owner while REGISTERING, from the owner's version")
	void removeOwner(@PathVariable long id, @PathVariable long ownerId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user) {
		registry.removeOwner(id, ownerId, new ConsentCommands.Step(version), user);
	}

	@PostMapping("/{id}/vote-opening")
	@Operation(summary = "Open the vote (from the consent's version; at least one owner): answers every owner's personal "
			+ "link path (/consent/vote/{token}), shown this once; only a hash of each token is kept")
	ConsentRegistry.Issued openVote(@PathVariable long id, @RequestBody ConsentCommands.Step command,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.openVote(id, command, user);
	}

	@PostMapping("/{id}/links")
	@Operation(summary = "Issue new links to every owner who has not voted (from the consent's version); their old links stop working")
	ConsentRegistry.Issued reissueAll(@PathVariable long id, @RequestBody ConsentCommands.Step command,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.reissueAll(id, command, user);
	}

	@PostMapping("/{id}/owners/{ownerId}/link")
	@Operation(summary = "Issue a new link to one owner who has not voted (from the owner's version); the old link stops working")
	ConsentRegistry.Issued reissue(@PathVariable long id, @PathVariable long ownerId,
			@RequestBody ConsentCommands.Step command, @AuthenticationPrincipal CurrentUser user) {
		return registry.reissueLink(id, ownerId, command, user);
	}

	@PostMapping("/{id}/owners/{ownerId}/vote")
	@Operation(summary = "Record an owner's paper vote (AGREE, DISAGREE or ABSTAIN) with a note, from the owner's version; "
			+ "an owner who has voted already answers 409")
	ConsentOwner recordVote(@PathVariable long id, @PathVariable long ownerId,
			@RequestBody ConsentCommands.RecordVote command, @AuthenticationPrincipal CurrentUser user) {
		return voting.recordVote(id, ownerId, command, user);
	}

	@PostMapping("/{id}/closing")
	@Operation(summary = "Close the vote (from the consent's version): passed, the consent goes to public notice for the "
			+ "configured calendar days; failed, it is REFUSED with the conditions that failed")
	Consent close(@PathVariable long id, @RequestBody ConsentCommands.Step command, @AuthenticationPrincipal CurrentUser user) {
		return voting.close(id, command, user);
	}

	@PostMapping("/{id}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an objection received by the office while the consent is in public notice")
	ConsentObjection recordObjection(@PathVariable long id, @RequestBody ConsentCommands.Objection command,
			@AuthenticationPrincipal CurrentUser user) {
		return notice.recordObjection(id, command, user);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "After the notice's last day: confirm (saying how objections were handled) or refuse (saying why); "
			+ "before it, 409")
	Consent decide(@PathVariable long id, @RequestBody ConsentCommands.Decide command,
			@AuthenticationPrincipal CurrentUser user) {
		return notice.decide(id, command, user);
	}

}
