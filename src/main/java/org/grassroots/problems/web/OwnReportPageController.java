package org.grassroots.problems.web;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Rating;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.web.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的反映: the reports a resident filed while signed in, each with its tracking page, which the
 * account opens instead of the tracking code. Every read is by the account (scope SELF): another
 * person's report answers 404 like one that does not exist.
 */
@PageController
@RequestMapping("/my/reports")
class OwnReportPageController {

	private final ProblemViews views;

	private final ProblemEvaluation evaluation;

	private final Messages messages;

	OwnReportPageController(ProblemViews views, ProblemEvaluation evaluation, Messages messages) {
		this.views = views;
		this.evaluation = evaluation;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model, @AuthenticationPrincipal CurrentUser user) {
		ProblemViews.OwnReports reports = views.ownReports(user, page);
		model.addAttribute("reports", reports);
		model.addAttribute("places", views.unitsOfIds(reports.items()
			.stream()
			.map(Problem::locationUnitId)
			.filter(java.util.Objects::nonNull)
			.toList()));
		return "problems/own-reports";
	}

	@GetMapping("/{ledgerNo}")
	String track(@PathVariable String ledgerNo, Model model, @AuthenticationPrincipal CurrentUser user) {
		ProblemViews.Tracking tracking = views.trackOwn(ledgerNo, user)
			.orElseThrow(() -> new NotFoundException("problem", ledgerNo));
		model.addAttribute("own", true);
		return ResidentPageController.show(tracking, "/my/reports/" + tracking.ledgerNo(), model);
	}

	@PostMapping("/{ledgerNo}/evaluation")
	String evaluate(@PathVariable String ledgerNo, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect,
			@AuthenticationPrincipal CurrentUser user) {
		try {
			if (rating == null) {
				throw DomainException.invalid("problems.error.rating-required");
			}
			evaluation.evaluateOwn(ledgerNo, new ProblemCommands.Evaluate(rating, comment), user);
			redirect.addFlashAttribute("notice", messages.text("problems.track.rated"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/my/reports/" + ledgerNo.trim();
	}

	@GetMapping("/{ledgerNo}/files/{fileId}")
	ResponseEntity<StreamingResponseBody> publicFile(@PathVariable String ledgerNo, @PathVariable long fileId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.anonymous(views.ownPublicFile(ledgerNo, fileId, user));
	}

}
