package org.grassroots.problems.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Rating;
import org.grassroots.problems.Upload;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The residents' pages, without an account and made for a phone: report a problem (seeing
 * possible duplicates first), follow it by tracking code, rate it, and read a unit's public ledger.
 */
@Controller
class ResidentPageController {

	private static final String CITY = "500000";

	private final ProblemIntake intake;

	private final ProblemEvaluation evaluation;

	private final ProblemViews views;

	private final UnitManagement units;

	private final Messages messages;

	private final PublicLimits limits;

	ResidentPageController(ProblemIntake intake, ProblemEvaluation evaluation, ProblemViews views, UnitManagement units,
			Messages messages, PublicLimits limits) {
		this.intake = intake;
		this.evaluation = evaluation;
		this.views = views;
		this.units = units;
		this.messages = messages;
		this.limits = limits;
	}

	@GetMapping("/report")
	String form(Model model) {
		model.addAttribute("districts", places(units.getByCode(CITY, DataScope.CITY).id()));
		model.addAttribute("categories", views.categories());
		return "problems/report";
	}

	/** The places below a district or street, as options for the cascading selects. */
	@GetMapping("/report/places")
	String placeOptions(@RequestParam long parentId, Model model) {
		model.addAttribute("places", places(parentId));
		return "problems/report :: options";
	}

	@PostMapping("/report")
	String report(@RequestParam(required = false) Long locationUnitId, @RequestParam String categoryCode,
			@RequestParam String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String address,
			@RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude,
			@RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean anonymous,
			@RequestParam(defaultValue = "false") boolean discloseIdentity,
			@RequestParam(required = false) String duplicateChoice,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request) throws IOException {
		String givenPhone = anonymous || phone == null || phone.isBlank() ? null : phone.trim();
		var command = new ProblemCommands.ResidentReport(locationUnitId, categoryCode, title, description, address, latitude,
				longitude, givenPhone, discloseIdentity && givenPhone != null, duplicateOf(duplicateChoice));
		try {
			if (duplicateChoice == null && locationUnitId != null) {
				List<Problem> candidates = views.possibleDuplicates(locationUnitId, categoryCode);
				if (!candidates.isEmpty()) {
					model.addAttribute("candidates", candidates);
					return refill(model, command, anonymous);
				}
			}
			List<Upload> uploads = ProblemPageController.uploads(files);
			limits.report(request, uploads.stream().mapToLong(upload -> upload.bytes().length).sum());
			ProblemIntake.Reported reported = intake.reportAtPlace(command, uploads);
			model.addAttribute("reported", reported);
			return "problems/reported";
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return refill(model, command, anonymous);
		}
	}

	private String refill(Model model, ProblemCommands.ResidentReport command, boolean anonymous) {
		model.addAttribute("given", command);
		model.addAttribute("anonymous", anonymous);
		if (command.locationUnitId() != null) {
			model.addAttribute("place", units.get(command.locationUnitId(), DataScope.CITY));
		}
		return form(model);
	}

	@GetMapping("/track")
	String trackForm(@RequestParam(required = false) String code) {
		return code == null || code.isBlank() ? "problems/track" : "redirect:/track/" + code.trim();
	}

	@GetMapping("/track/{code}")
	String track(@PathVariable String code, Model model, HttpServletRequest request) {
		limits.lookup(request);
		var tracking = views.track(code);
		if (tracking.isEmpty()) {
			model.addAttribute("error", messages.text("problems.track.unknown"));
			return "problems/track";
		}
		model.addAttribute("t", tracking.get());
		model.addAttribute("code", code.trim());
		model.addAttribute("ratings", Rating.values());
		return "problems/track";
	}

	@PostMapping("/track/{code}/evaluation")
	String evaluate(@PathVariable String code, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, HttpServletRequest request) {
		limits.lookup(request);
		try {
			if (rating == null) {
				throw DomainException.invalid("problems.error.rating-required");
			}
			evaluation.evaluate(code, new ProblemCommands.Evaluate(rating, comment));
			redirect.addFlashAttribute("notice", messages.text("problems.track.rated"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/track/" + code.trim();
	}

	@GetMapping("/ledger/{unitCode}")
	String ledger(@PathVariable String unitCode, @RequestParam(defaultValue = "0") int page, Model model) {
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		List<ProblemViews.LedgerLine> lines = views.ledger(unitCode, page);
		model.addAttribute("unit", unit);
		model.addAttribute("lines", lines);
		model.addAttribute("places", units.byIds(lines.stream()
			.map(ProblemViews.LedgerLine::locationUnitId)
			.filter(java.util.Objects::nonNull)
			.toList()));
		model.addAttribute("categories", views.categories());
		model.addAttribute("page", Math.max(page, 0));
		return "problems/ledger";
	}

	private List<Unit> places(long parentId) {
		return units.children(parentId, DataScope.CITY, 0)
			.stream()
			.filter(unit -> unit.kind() != UnitKind.DEPARTMENT)
			.toList();
	}

	/** "new" means the resident saw the candidates and reports a new problem; a number links to that one. */
	private static @Nullable Long duplicateOf(@Nullable String choice) {
		if (choice == null || choice.isBlank() || choice.equals("new")) {
			return null;
		}
		try {
			return Long.valueOf(choice);
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("problems.error.not-a-duplicate");
		}
	}

}
