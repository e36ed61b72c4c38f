package org.grassroots.people.web;

import java.io.IOException;
import java.util.List;

import org.grassroots.people.SecondFactors;
import org.grassroots.people.internal.SignInGuard;
import org.grassroots.people.internal.SignInSteps;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.grassroots.shared.web.QrCodes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The code step of a sign-in, and a person's own second factor: enrol, see, turn off. */
@PageController
class SecondFactorPageController {

	private static final String PAGE = "people/second-factor";

	private final SecondFactors factors;

	private final Messages messages;

	SecondFactorPageController(SecondFactors factors, Messages messages) {
		this.factors = factors;
		this.messages = messages;
	}

	@GetMapping("/login/code")
	String codeForm(HttpServletRequest request, Model model) {
		return SignInSteps.codePending(request) ? codePage(model) : "redirect:/";
	}

	/** Not signed in until the code is right: the visitor's navigation, not the person's. */
	private static String codePage(Model model) {
		model.addAttribute("me", null);
		return "people/code";
	}

	/** Right: on to where the person lands. Wrong: again. Too many wrong: signed out, as for passwords. */
	@PostMapping("/login/code")
	String code(@RequestParam String code, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		if (!SignInSteps.codePending(request)) {
			return "redirect:/";
		}
		boolean right;
		try {
			right = factors.signIn(user, code, request.getRemoteAddr());
		}
		catch (SignInGuard.Throttled ex) {
			request.logout();
			return "redirect:/login?error";
		}
		if (!right) {
			model.addAttribute("error", messages.text("people.error.wrong-code"));
			return codePage(model);
		}
		SignInSteps.codePassed(request, response, SecurityContextHolder.getContext().getAuthentication());
		return null;
	}

	@GetMapping("/account/second-factor")
	String status(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("on", factors.on(user.accountId()));
		model.addAttribute("required", factors.required(user));
		model.addAttribute("recoveryLeft", factors.recoveryCodesLeft(user));
		return PAGE;
	}

	@PostMapping("/account/second-factor/begin")
	String begin(@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		try {
			return enrolling(factors.begin(user), model);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
			return "redirect:/account/second-factor";
		}
	}

	/** Right: the recovery codes, shown this once. Wrong: the same QR code again with the message. */
	@PostMapping("/account/second-factor/confirm")
	String confirm(@RequestParam String code, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			List<String> recovery = factors.confirm(user, code);
			SignInSteps.enrolled(request);
			model.addAttribute("recoveryCodes", recovery);
			return PAGE;
		}
		catch (DomainException ex) {
			var pending = factors.pending(user);
			if (pending.isEmpty()) {
				redirect.addFlashAttribute("error", messages.text(ex));
				return "redirect:/account/second-factor";
			}
			model.addAttribute("error", messages.text(ex));
			return enrolling(pending.get(), model);
		}
	}

	@PostMapping("/account/second-factor/off")
	String off(@RequestParam String code, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			factors.turnOff(user, code);
			redirect.addFlashAttribute("notice", messages.text("second-factor.turned-off"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/account/second-factor";
	}

	private static String enrolling(SecondFactors.Enrolment enrolment, Model model) {
		model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("qr", QrCodes.dataUri(enrolment.uri()));
		return PAGE;
	}

}
