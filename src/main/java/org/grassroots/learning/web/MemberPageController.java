package org.grassroots.learning.web;

import org.grassroots.learning.CheckIns;
import org.grassroots.learning.LearningManagement;
import org.grassroots.learning.LearningPoint;
import org.grassroots.learning.StudySession;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.web.Messages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The member's phone pages: progress and nearby points, and the check-in a scanned QR code opens.
 * Scanning shows the place first; the check-in itself is a POST, so a link preview cannot check anyone in.
 */
@PageController
@RequestMapping("/learn")
class MemberPageController {

	private final LearningManagement learning;

	private final CheckIns checkIns;

	private final Messages messages;

	MemberPageController(LearningManagement learning, CheckIns checkIns, Messages messages) {
		this.learning = learning;
		this.checkIns = checkIns;
		this.messages = messages;
	}

	@GetMapping
	String home(Model model, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		try {
			model.addAttribute("progress", learning.progress(user));
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		model.addAttribute("points", learning.pointsNear(user));
		return "learn/home";
	}

	@GetMapping("/points/{id}/check-in")
	String scanPoint(@PathVariable long id, @RequestParam(defaultValue = "0") long k, @RequestParam(defaultValue = "") String s,
			Model model, HttpServletResponse response) {
		try {
			LearningPoint point = learning.scannedPoint(id, k, s);
			// where and when: a member who scanned a photo of the poster sees whether the place is open
			model.addAttribute("place", point.name());
			model.addAttribute("address", point.address());
			model.addAttribute("hours", point.openingHours());
			model.addAttribute("action", "/learn/points/" + id + "/check-in");
		}
		catch (DomainException | NotFoundException ex) {
			return refused(model, response, ex);
		}
		model.addAttribute("k", k);
		model.addAttribute("s", s);
		return "learn/check-in";
	}

	@PostMapping("/points/{id}/check-in")
	String checkInAtPoint(@PathVariable long id, @RequestParam long k, @RequestParam String s, Model model,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		try {
			model.addAttribute("result", checkIns.checkInAtPoint(id, k, s, user));
		}
		catch (DomainException | NotFoundException ex) {
			return refused(model, response, ex);
		}
		return "learn/checked-in";
	}

	@GetMapping("/sessions/{id}/check-in")
	String scanSession(@PathVariable long id, @RequestParam(defaultValue = "0") long k,
			@RequestParam(defaultValue = "") String s, Model model, HttpServletResponse response) {
		try {
			StudySession session = learning.scannedSession(id, k, s);
			model.addAttribute("place", session.topic());
			model.addAttribute("address", session.place());
			model.addAttribute("startsAt", session.startsAt());
			model.addAttribute("action", "/learn/sessions/" + id + "/check-in");
		}
		catch (DomainException | NotFoundException ex) {
			return refused(model, response, ex);
		}
		model.addAttribute("k", k);
		model.addAttribute("s", s);
		return "learn/check-in";
	}

	@PostMapping("/sessions/{id}/check-in")
	String checkInAtSession(@PathVariable long id, @RequestParam long k, @RequestParam String s, Model model,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		try {
			model.addAttribute("result", checkIns.checkInAtSession(id, k, s, user));
		}
		catch (DomainException | NotFoundException ex) {
			return refused(model, response, ex);
		}
		return "learn/checked-in";
	}

	private String refused(Model model, HttpServletResponse response, RuntimeException ex) {
		if (ex instanceof DomainException refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("error", messages.text(refusal));
		}
		else {
			response.setStatus(404);
			model.addAttribute("error", messages.text("learning.error.qr-forged"));
		}
		return "learn/check-in";
	}

}
