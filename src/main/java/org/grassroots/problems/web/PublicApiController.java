package org.grassroots.problems.web;

import java.util.List;
import java.util.Map;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.Idempotency;
import org.grassroots.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Residents", description = "Without an account: report a problem, follow it by tracking code, rate it, "
		+ "and read a unit's public ledger. Nothing here returns personal data. Reports and tracking-code look-ups "
		+ "are limited per client address: past the limit they answer 429 with Retry-After.")
class PublicApiController {

	private final ProblemIntake intake;

	private final ProblemEvaluation evaluation;

	private final ProblemViews views;

	private final PublicLimits limits;

	private final Idempotency idempotency;

	PublicApiController(ProblemIntake intake, ProblemEvaluation evaluation, ProblemViews views, PublicLimits limits,
			Idempotency idempotency) {
		this.intake = intake;
		this.evaluation = evaluation;
		this.views = views;
		this.limits = limits;
		this.idempotency = idempotency;
	}

	/** A possible duplicate as a resident may see it. */
	record Candidate(long id, String ledgerNo, String title, String state) {

	}

	@GetMapping("/reports/duplicates")
	@Operation(summary = "Open problems of the same category in the same community: possible duplicates of a new report")
	List<Candidate> duplicates(@RequestParam long locationUnitId, @RequestParam String categoryCode) {
		return views.possibleDuplicates(locationUnitId, categoryCode)
			.stream()
			.map(problem -> new Candidate(problem.id(), problem.ledgerNo(), problem.title(), problem.state().name()))
			.toList();
	}

	@PostMapping("/reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report a problem with a phone number or anonymously; answers the ledger number, the "
			+ "tracking code (shown once) to follow and later rate it, and the name of the unit it was filed at",
			description = "locationUnitId is a community or street; without it, latitude and longitude (WGS-84) place the "
					+ "report in the community whose boundary holds the point, else the street, else the district "
					+ "(placedIn names it). 400 when neither is given or no boundary holds the point.")
	@SuppressWarnings("unchecked")
	Map<String, String> report(@RequestBody ProblemCommands.ResidentReport command,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Parameter(
					description = ProblemApiController.IDEMPOTENCY_KEY + " Without an account the key alone is the "
							+ "caller: a retry with it answers the same ledger number and tracking code.") String key,
			HttpServletRequest request) {
		// a replay is no new report: only a report made counts against the address's limit
		return idempotency.once(key, "problems.public-report:anyone", command, Map.class, () -> {
			limits.report(request, 0);
			ProblemIntake.Reported reported = intake.reportAtPlace(command, List.of());
			return Map.of("ledgerNo", reported.problem().ledgerNo(), "trackingCode", reported.trackingCode(), "placedIn",
					reported.location().name(LocaleContextHolder.getLocale().getLanguage()));
		});
	}

	@GetMapping("/reports/{trackingCode}")
	@Operation(summary = "Follow a report by its tracking code: state, deadline and public timeline")
	ProblemViews.Tracking track(@PathVariable String trackingCode, HttpServletRequest request) {
		limits.lookup(request);
		return views.track(trackingCode).orElseThrow(() -> new NotFoundException("problem", "tracking code"));
	}

	@PostMapping("/reports/{trackingCode}/evaluation")
	@Operation(summary = "Rate a closed problem; DISSATISFIED opens a review by the upper unit")
	Map<String, String> evaluate(@PathVariable String trackingCode, @RequestBody ProblemCommands.Evaluate command,
			HttpServletRequest request) {
		limits.lookup(request);
		Problem problem = evaluation.evaluate(trackingCode, command);
		return Map.of("ledgerNo", problem.ledgerNo(), "evaluation", String.valueOf(problem.evaluation()));
	}

	@GetMapping("/ledger/{unitCode}")
	@Operation(summary = "The public ledger of a unit and everything below it, 50 a page, without personal data; "
			+ "titles only where public. Filters: state, category and area (the code of a unit below, e.g. a street)")
	List<ProblemViews.LedgerLine> ledger(@PathVariable String unitCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) ProblemState state, @RequestParam(required = false) String category,
			@RequestParam(required = false) String area) {
		return views.ledger(unitCode, new ProblemViews.LedgerFilter(state, category, area), page).lines();
	}

}
