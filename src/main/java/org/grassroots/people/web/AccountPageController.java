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
		model.addAttribute("now", java.time.Instant.now());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", blankForm(admin));
		}
		return "people/accounts";
	}

	/**
	 * The units come from pickers: a picked unit's code, or a code or name typed without the
	 * picker. A unit that cannot be found, or any other refusal, comes back on the form as it was
	 * filled in.
	 */
	@PostMapping("/accounts")
	String open(@RequestParam String username, @RequestParam String displayName, @RequestParam String unitCode,
			@RequestParam Role role, @RequestParam(required = false) List<String> assignedUnits,
			@RequestParam(required = false) String phone, @AuthenticationPrincipal CurrentUser admin, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String language = LocaleContextHolder.getLocale().getLanguage();
		List<String> typed = assignedUnits == null ? List.of()
				: assignedUnits.stream()
					.flatMap(value -> Arrays.stream(value.split("[,，、;；]+")))
					.map(String::trim)
					.filter(item -> !item.isEmpty())
					.toList();
		List<UnitNames.Named> assigned = new ArrayList<>();
		List<String> unresolved = new ArrayList<>();
		DomainException refusal = null;
		for (String item : typed) {
			try {
				UnitNames.Named unit = unitLookup.resolve(item, admin.scope());
				if (assigned.stream().noneMatch(known -> known.id() == unit.id())) {
					assigned.add(unit);
				}
			}
			catch (DomainException ex) {
				unresolved.add(item);
				refusal = refusal == null ? ex : refusal;
			}
		}
		String unitText = unitCode.trim();
		String pickedCode = "";
		try {
			if (!unitText.isEmpty()) {
				UnitNames.Named unit = unitLookup.resolve(unitText, admin.scope());
				unitText = unit.name(language);
				pickedCode = unit.code();
			}
			if (refusal != null) {
				throw refusal;
			}
			List<String> codes = assigned.stream().map(UnitNames.Named::code).toList();
			RoleGrant grant = role.defaultScope() == ScopeKind.ASSIGNED ? new RoleGrant(role, ScopeKind.ASSIGNED, codes)
					: RoleGrant.of(role);
			var opened = accounts.open(new CreateAccount(username.trim(), displayName,
					pickedCode.isEmpty() ? unitText : pickedCode, List.of(grant),
					phone == null || phone.isBlank() ? null : phone.trim(), null), admin);
			redirect.addFlashAttribute("notice",
					messages.text("people.opened", opened.account().username(), opened.oneTimePassword()));
			return "redirect:/accounts";
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("openError", messages.text(ex));
			model.addAttribute("form", new OpenForm(username, displayName, unitText, pickedCode, role, assigned,
					String.join(", ", unresolved), phone == null ? "" : phone));
			return list("", 0, model, admin);
		}
	}

	/** The open-account form as filled in, or as it starts: in the administrator's own unit. */
	record OpenForm(String username, String displayName, String unitText, String unitCode, @Nullable Role role,
			List<UnitNames.Named> assigned, String assignedText, String phone) {

	}

	private OpenForm blankForm(CurrentUser admin) {
		UnitNames.Named own = unitLookup.byIds(List.of(admin.unitId())).get(admin.unitId());
		String language = LocaleContextHolder.getLocale().getLanguage();
		return new OpenForm("", "", own == null ? "" : own.name(language), own == null ? "" : own.code(), null, List.of(),
				"", "");
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

	private static List<Role> grantable(CurrentUser admin) {
		return Arrays.stream(Role.values())
			.filter(role -> admin.has(Role.CITY_ADMIN) || (role != Role.CITY_ADMIN && role != Role.STEERING_GROUP))
			.toList();
	}

}
