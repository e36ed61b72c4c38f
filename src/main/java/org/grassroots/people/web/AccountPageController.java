package org.grassroots.people.web;

import java.util.Arrays;
import java.util.List;

import org.grassroots.people.Account;
import org.grassroots.people.AccountManagement;
import org.grassroots.people.CreateAccount;
import org.grassroots.people.RoleGrant;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.UnitManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;

/** Account management for unit administrators, and everyone's own password. */
@Controller
class AccountPageController {

	private final AccountManagement accounts;

	private final Messages messages;

	private final UnitManagement units;

	AccountPageController(AccountManagement accounts, Messages messages, UnitManagement units) {
		this.accounts = accounts;
		this.messages = messages;
		this.units = units;
	}

	@GetMapping("/accounts")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model,
			@AuthenticationPrincipal CurrentUser admin) {
		List<Account> found = accounts.list(admin, q, page);
		model.addAttribute("accounts", found);
		// units by name: each account's own, and the units a steering group's scope names by code
		model.addAttribute("unitsById", units.byIds(found.stream().map(Account::unitId).distinct().toList()));
		model.addAttribute("unitsByCode", units.byCodes(found.stream()
			.flatMap(account -> account.roles().stream())
			.flatMap(grant -> grant.assignedUnitCodes().stream())
			.distinct()
			.toList()));
		model.addAttribute("q", q);
		model.addAttribute("page", page);
		model.addAttribute("grantable", grantable(admin));
		model.addAttribute("now", java.time.Instant.now());
		return "people/accounts";
	}

	@PostMapping("/accounts")
	String open(@RequestParam String username, @RequestParam String displayName, @RequestParam String unitCode,
			@RequestParam Role role, @RequestParam(required = false) String assignedUnits,
			@RequestParam(required = false) String phone, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		try {
			List<String> codes = assignedUnits == null ? List.of()
					: Arrays.stream(assignedUnits.split("[,，\\s]+")).filter(code -> !code.isBlank()).toList();
			RoleGrant grant = role.defaultScope() == ScopeKind.ASSIGNED ? new RoleGrant(role, ScopeKind.ASSIGNED, codes)
					: RoleGrant.of(role);
			var opened = accounts.open(new CreateAccount(username.trim(), displayName, unitCode, List.of(grant),
					phone == null || phone.isBlank() ? null : phone.trim(), null), admin);
			redirect.addFlashAttribute("notice",
					messages.text("people.opened", opened.account().username(), opened.oneTimePassword()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/{action}")
	String change(@PathVariable long id, @PathVariable String action, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		try {
			Account account = accounts.get(id, admin);
			String notice = switch (action) {
				case "disable" -> done(accounts.setEnabled(id, false, version, admin), "people.disabled");
				case "enable" -> done(accounts.setEnabled(id, true, version, admin), "people.enabled");
				case "unlock" -> done(accounts.unlock(id, version, admin), "people.unlocked");
				case "reset" -> messages.text("people.reset", account.username(), accounts.resetPassword(id, version, admin));
				default -> throw new org.grassroots.shared.NotFoundException("action", action);
			};
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/accounts";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "people/password";
	}

	/** After a change the person signs in again with the new password. */
	@PostMapping("/account/password")
	String changePassword(@RequestParam String current, @RequestParam String next, @RequestParam String repeat,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) throws ServletException {
		try {
			if (!next.equals(repeat)) {
				throw DomainException.invalid("people.error.passwords-differ");
			}
			accounts.changeOwnPassword(user, current, next);
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return "people/password";
		}
		request.logout();
		SecurityContextHolder.clearContext();
		return "redirect:/login?changed";
	}

	private String done(Account account, String key) {
		return messages.text(key, account.username());
	}

	private static List<Role> grantable(CurrentUser admin) {
		return Arrays.stream(Role.values())
			.filter(role -> admin.has(Role.CITY_ADMIN) || (role != Role.CITY_ADMIN && role != Role.STEERING_GROUP))
			.toList();
	}

}
