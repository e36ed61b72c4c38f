package org.grassroots.problems.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Rating;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.geo.MapSettings;
import org.grassroots.shared.geo.MapView;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The residents' pages, without an account and made for a phone: report a problem (seeing
 * possible duplicates first), follow it by tracking code, rate it, and read a unit's public ledger.
 * A resident who is signed in has the report linked to the account (see {@link OwnReportPageController}).
 */
@PageController
class ResidentPageController {

	private static final String CITY = "500000";

	private final ProblemIntake intake;

	private final ProblemEvaluation evaluation;

	private final ProblemViews views;

	private final UnitManagement units;

	private final Messages messages;

	private final PublicLimits limits;

	private final MapSettings map;

	ResidentPageController(ProblemIntake intake, ProblemEvaluation evaluation, ProblemViews views, UnitManagement units,
			Messages messages, PublicLimits limits, MapSettings map) {
		this.intake = intake;
		this.evaluation = evaluation;
		this.views = views;
		this.units = units;
		this.messages = messages;
		this.limits = limits;
		this.map = map;
	}

	@GetMapping("/report")
	String form(Model model) {
		model.addAttribute("districts", places(units.getByCode(CITY, DataScope.CITY).id()));
		model.addAttribute("categories", views.categories());
		if (map.enabled()) {
			// a form shown again (duplicates, a refusal) shows the point chosen before
			var given = (ProblemCommands.ResidentReport) model.getAttribute("given");
			model.addAttribute("problemMap",
					MapView.pick(map, given == null ? null : given.latitude(), given == null ? null : given.longitude()));
		}
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
			@RequestParam(required = false) String duplicateChoice, @RequestParam(required = false) String datum,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request) throws IOException {
		String givenPhone = anonymous || phone == null || phone.isBlank() ? null : phone.trim();
		// the map's form says which datum its point was clicked in; the point is stored in WGS-84
		MapSettings.Datum clickedIn = MapSettings.datumOf(datum);
		if (clickedIn != null && latitude != null && longitude != null) {
			MapSettings.Stored stored = MapSettings.stored(clickedIn, latitude, longitude);
			latitude = stored.latitude();
			longitude = stored.longitude();
		}
		var command = new ProblemCommands.ResidentReport(locationUnitId, categoryCode, title, description, address, latitude,
				longitude, givenPhone, discloseIdentity && givenPhone != null, duplicateOf(duplicateChoice));
		try {
			Long at = locationUnitId != null || latitude == null || longitude == null ? locationUnitId
					: intake.placeOf(latitude, longitude).map(Unit::id).orElse(null);
			if (duplicateChoice == null && at != null) {
				List<Problem> candidates = views.possibleDuplicates(at, categoryCode);
				if (!candidates.isEmpty()) {
					model.addAttribute("candidates", candidates);
					return refill(model, command, anonymous);
				}
			}
			List<Upload> uploads = Uploads.of(files);
			limits.report(request, uploads.stream().mapToLong(upload -> upload.bytes().length).sum());
			ProblemIntake.Reported reported = intake.reportAtPlace(command, uploads, user);
			model.addAttribute("reported", reported);
			model.addAttribute("ownReport", user != null && user.has(Role.RESIDENT));
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
		// the code is the visitor's text: encoded as a path segment, it cannot split the header or leave the path
		return code == null || code.isBlank() ? "problems/track"
				: "redirect:" + UriComponentsBuilder.fromPath("/track/{code}").encode().buildAndExpand(code.trim()).toUriString();
	}

	@GetMapping("/track/{code}")
	String track(@PathVariable String code, Model model, HttpServletRequest request) {
		limits.lookup(request);
		var tracking = views.track(code);
		if (tracking.isEmpty()) {
			model.addAttribute("error", messages.text("problems.track.unknown"));
			return "problems/track";
		}
		return show(tracking.get(), "/track/" + code.trim(), model);
	}

	/** The tracking page, by code or among the resident's own reports: {@code base} is its address. */
	static String show(ProblemViews.Tracking tracking, String base, Model model) {
		model.addAttribute("t", tracking);
		model.addAttribute("base", base);
		model.addAttribute("ratings", Rating.values());
		return "problems/track";
	}

	/** A file staff marked public, on the problem the code follows; its name is not sent. */
	@GetMapping("/track/{code}/files/{fileId}")
	ResponseEntity<StreamingResponseBody> publicFile(@PathVariable String code, @PathVariable long fileId,
			HttpServletRequest request) {
		limits.lookup(request);
		return Downloads.anonymous(views.publicFile(code, fileId));
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

	/** The districts' public ledgers; a signed-in person's own district first. */
	@GetMapping("/ledger")
	String ledgers(Model model, @AuthenticationPrincipal @Nullable CurrentUser user) {
		model.addAttribute("districts", places(units.getByCode(CITY, DataScope.CITY).id()));
		if (user != null) {
			Unit own = units.get(user.unitId(), DataScope.CITY);
			List<String> codes = own.pathCodes();
			if (codes.size() > 1) {
				model.addAttribute("ownDistrict", units.getByCode(codes.get(1), DataScope.CITY));
			}
		}
		return "problems/ledgers";
	}

	/**
	 * A unit's public ledger, filtered by state, category and an area below it (the streets of a
	 * district); the pager links only to pages that exist.
	 */
	@GetMapping("/ledger/{unitCode}")
	String ledger(@PathVariable String unitCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String state, @RequestParam(required = false) String category,
			@RequestParam(required = false) String area, Model model) {
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		var filter = new ProblemViews.LedgerFilter(stateOrNone(state), blankToNone(category), blankToNone(area));
		ProblemViews.LedgerPage found = views.ledger(unitCode, filter, page);
		model.addAttribute("unit", unit);
		model.addAttribute("lines", found.lines());
		model.addAttribute("ledger", found);
		model.addAttribute("filter", filter);
		model.addAttribute("places", units.byIds(found.lines()
			.stream()
			.map(ProblemViews.LedgerLine::locationUnitId)
			.filter(java.util.Objects::nonNull)
			.toList()));
		model.addAttribute("categories", views.categories());
		model.addAttribute("states", ProblemState.values());
		List<Unit> areas = places(unit.id());
		model.addAttribute("areas", areas);
		model.addAttribute("areaLevel", areas.isEmpty() ? null : areas.get(0).level());
		model.addAttribute("page", found.page());
		// past the last page there is nothing to step back through: only the first page is offered
		boolean pastEnd = found.lines().isEmpty() && found.page() > 0;
		model.addAttribute("firstPage", ledgerLink(unit, filter, 0));
		model.addAttribute("previousPage", found.page() > 0 && !pastEnd ? ledgerLink(unit, filter, found.page() - 1) : null);
		model.addAttribute("nextPage", found.hasNext() ? ledgerLink(unit, filter, found.page() + 1) : null);
		if (map.enabled() && !found.points().isEmpty()) {
			model.addAttribute("problemMap", MapView.show(map, true, found.points()
				.stream()
				.map(point -> new MapView.Place(point.latitude(), point.longitude(), point.ledgerNo() + " " + point.title(),
						null))
				.toList()));
		}
		return "problems/ledger";
	}

	private static String ledgerLink(Unit unit, ProblemViews.LedgerFilter filter, int page) {
		var link = UriComponentsBuilder.fromPath("/ledger/{code}");
		if (filter.state() != null) {
			link.queryParam("state", filter.state().name());
		}
		if (filter.categoryCode() != null) {
			link.queryParam("category", filter.categoryCode());
		}
		if (filter.areaCode() != null) {
			link.queryParam("area", filter.areaCode());
		}
		if (page > 0) {
			link.queryParam("page", page);
		}
		return link.buildAndExpand(unit.code()).encode().toUriString();
	}

	private static @Nullable ProblemState stateOrNone(@Nullable String state) {
		return java.util.Arrays.stream(ProblemState.values())
			.filter(value -> value.name().equals(state))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String blankToNone(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
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
