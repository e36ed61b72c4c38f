package org.grassroots.people.web;

import java.util.ArrayList;
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
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.UnitLookup;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletException;

/** Account management for unit administrators, and everyone's own password. */
@PageController
class AccountPageController {

	private final AccountManagement accounts;

	private final Messages messages;

	private final UnitManagement units;

	private final UnitLookup unitLookup;

	AccountPageController(AccountManagement accounts, Messages messages, UnitManagement units, UnitLookup unitLookup) {
		this.accounts = accounts;
		this.messages = messages;
		this.units = units;
		this.unitLookup = unitLookup;
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
		model.addAttribute("actions", found.stream().collect(java.util.stream.Collectors.toMap(Account::id,
				account -> actions(account, admin))));
		model.addAttribute("systemAdmin", admin.has(Role.SYSTEM_ADMIN));
		model.addAttribute("noUnits", List.of());
		model.addAttribute("securityAdmin", admin.has(Role.SECURITY_ADMIN));
		model.addAttribute("now", java.time.Instant.now());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", blankForm(admin));
		}
		return "people/accounts";
	}

	/**
	 * The system administrator opens an account without roles (the security administrator grants
	 * them). The unit comes from a picker: a picked unit's code, or a code or name typed without
	 * it. A unit that cannot be found, or any other refusal, comes back on the form as filled in.
	 */
	@PostMapping("/accounts")
	String open(@RequestParam String username, @RequestParam String displayName, @RequestParam String unitCode,
			@RequestParam(required = false) String phone, @AuthenticationPrincipal CurrentUser admin, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String language = LocaleContextHolder.getLocale().getLanguage();
		String unitText = unitCode.trim();
		String pickedCode = "";
		try {
			if (!unitText.isEmpty()) {
				UnitNames.Named unit = unitLookup.resolve(unitText, admin.pickScope());
				unitText = unit.name(language);
				pickedCode = unit.code();
			}
			var opened = accounts.open(new CreateAccount(username.trim(), displayName,
					pickedCode.isEmpty() ? unitText : pickedCode, List.of(),
					phone == null || phone.isBlank() ? null : phone.trim(), null), admin);
			redirect.addFlashAttribute("notice",
					messages.text("people.opened", opened.account().username(), opened.oneTimePassword()));
			return "redirect:/accounts";
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("openError", messages.text(ex));
			model.addAttribute("form", new OpenForm(username, displayName, unitText, pickedCode,
					phone == null ? "" : phone));
			return list("", 0, model, admin);
		}
	}

	/** The open-account form as filled in, or as it starts: in the administrator's own unit. */
	record OpenForm(String username, String displayName, String unitText, String unitCode, String phone) {

	}

	private OpenForm blankForm(CurrentUser admin) {
		UnitNames.Named own = unitLookup.byIds(List.of(admin.unitId())).get(admin.unitId());
		String language = LocaleContextHolder.getLocale().getLanguage();
		return new OpenForm("", "", own == null ? "" : own.name(language), own == null ? "" : own.code(), "");
	}

	/**
	 * The security administrator grants one more role, with the units a steering group's role
	 * covers (from a picker, or codes and names typed and separated by commas).
	 */
	@PostMapping("/accounts/{id}/grant")
	String grant(@PathVariable long id, @RequestParam Role role, @RequestParam int version,
			@RequestParam(required = false) List<String> assignedUnits, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		try {
			List<String> codes = new ArrayList<>();
			for (String item : typedUnits(assignedUnits)) {
				String code = unitLookup.resolve(item, admin.pickScope()).code();
				if (!codes.contains(code)) {
					codes.add(code);
				}
			}
			Account account = accounts.get(id, admin);
			List<RoleGrant> grants = new ArrayList<>(account.roles());
			grants.add(role.defaultScope() == ScopeKind.ASSIGNED ? new RoleGrant(role, ScopeKind.ASSIGNED, codes)
					: RoleGrant.of(role));
			redirect.addFlashAttribute("notice", done(accounts.setRoles(id, grants, version, admin), "people.roles-changed"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/accounts";
	}

	/** The security administrator takes one role away. */
	@PostMapping("/accounts/{id}/revoke")
	String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		try {
			List<RoleGrant> grants = accounts.get(id, admin).roles().stream().filter(grant -> grant.role() != role).toList();
			redirect.addFlashAttribute("notice", done(accounts.setRoles(id, grants, version, admin), "people.roles-changed"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/accounts";
	}

	private static List<String> typedUnits(@Nullable List<String> values) {
		return values == null ? List.of()
				: values.stream()
					.flatMap(value -> Arrays.stream(value.split("[,，、;；]+")))
					.map(String::trim)
					.filter(item -> !item.isEmpty())
					.toList();
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
				case "reset-second-factor" -> done(accounts.resetSecondFactor(id, version, admin), "people.second-factor-reset");
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
	String passwordForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("expired", accounts.passwordExpired(user));
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
			return passwordForm(user, model);
		}
		request.logout();
		SecurityContextHolder.clearContext();
		return "redirect:/login?changed";
	}

	private String done(Account account, String key) {
		return messages.text(key, account.username());
	}

	/**
	 * The commands offered on an account: the system administrator's, or the security
	 * administrator's on a separate administrator's account; the security administrator's own;
	 * none on one's own account.
	 */
	private static List<String> actions(Account account, CurrentUser admin) {
		List<String> actions = new ArrayList<>();
		if (account.id() == admin.accountId()) {
			return actions;
		}
		if (admin.has(account.separateDuty() ? Role.SECURITY_ADMIN : Role.SYSTEM_ADMIN)) {
			actions.add(account.enabled() ? "disable" : "enable");
			actions.add("reset");
		}
		if (admin.has(Role.SECURITY_ADMIN)) {
			actions.add("unlock");
			if (account.secondFactor()) {
				actions.add("reset-second-factor");
			}
		}
		return actions;
	}

	/** The roles a security administrator is offered: every role city-wide, the campaign's subtree roles below. */
	private static List<Role> grantable(CurrentUser admin) {
		if (!admin.has(Role.SECURITY_ADMIN)) {
			return List.of();
		}
		boolean city = admin.accountsScope().all();
		return Arrays.stream(Role.values())
			.filter(role -> city || (role.defaultScope() == ScopeKind.UNIT_AND_BELOW || role.defaultScope() == ScopeKind.SELF)
					&& !role.isSeparateDuty())
			.toList();
	}

}
