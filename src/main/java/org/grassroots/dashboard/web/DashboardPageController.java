package org.grassroots.dashboard.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.CampaignDashboard;
import org.grassroots.dashboard.DashboardAdministration;
import org.grassroots.dashboard.DashboardFigures;
import org.grassroots.dashboard.HeatRow;
import org.grassroots.dashboard.Measure;
import org.grassroots.dashboard.MonthlyTopics;
import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.OneThingDashboard;
import org.grassroots.dashboard.Ranking;
import org.grassroots.dashboard.Weights;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The leaders' pages: a unit's figures, the ranking of its children, the overdue heat table, the
 * trend and the categories, the problems behind any number, the Excel exports and the weights.
 * Everything is read through {@link DashboardFigures}, so the pages show the API's numbers.
 */
@PageController
@RequestMapping("/dashboard")
class DashboardPageController {

	/** The plans listed under a unit's coverage, most members first. */
	static final int PLANS_LISTED = 5;

	/** The campaign figures compared between children, by code (docs/dashboard.md). */
	private static final List<String> CAMPAIGN_COLUMNS = List.of("VISITS", "VISIT_PROBLEMS", "VISIT_SOLVED_ON_SPOT",
			"VISIT_SOLVED_LATER", "MEASURES_DUE", "MEASURES_DONE_ON_TIME", "MEASURES_OVERDUE", "CASES_PUBLISHED",
			"MECHANISMS");

	private final DashboardFigures figures;

	private final DashboardAdministration administration;

	private final UnitManagement units;

	private final ProblemViews problems;

	private final DashboardExport export;

	private final Messages messages;

	private final MonthlyTopics topics;

	private final CampaignDashboard campaign;

	private final OneThingDashboard oneThing;

	private final OneThingLinks oneThingLinks;

	DashboardPageController(DashboardFigures figures, DashboardAdministration administration, UnitManagement units,
			ProblemViews problems, DashboardExport export, Messages messages, MonthlyTopics topics,
			CampaignDashboard campaign, OneThingDashboard oneThing, OneThingLinks oneThingLinks) {
		this.oneThing = oneThing;
		this.oneThingLinks = oneThingLinks;
		this.topics = topics;
		this.campaign = campaign;
		this.figures = figures;
		this.administration = administration;
		this.units = units;
		this.problems = problems;
		this.export = export;
		this.messages = messages;
	}

	/** The viewer's own unit, or the city where the viewer's unit is above their scope (steering groups). */
	@GetMapping
	String mine(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		return unit(defaultUnit(user).code(), month, model, user);
	}

	@GetMapping("/units/{code}")
	String unit(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		YearMonth shown = month(month);
		Unit unit = drillable(code, user);
		model.addAttribute("unit", unit);
		model.addAttribute("lineage", lineage(unit, user));
		model.addAttribute("month", shown);
		model.addAttribute("thisMonth", figures.thisMonth());
		model.addAttribute("figures", figures.figures(code, shown, user));
		model.addAttribute("learning", figures.learning(code, shown, user));
		model.addAttribute("learningPlans", figures.learningPlans(code, shown, PLANS_LISTED, user));
		Ranking ranking = figures.ranking(code, shown, user);
		model.addAttribute("ranking", ranking);
		model.addAttribute("mine", unit.level() == UnitLevel.CITY && !user.scope().all()
				? ranking.places().stream().filter(Ranking.Place::drillable).toList() : List.of());
		model.addAttribute("heat", figures.heat(code, user));
		model.addAttribute("trend", figures.trend(code, shown.minusMonths(11), shown, user));
		model.addAttribute("categories", figures.categories(code, shown, user));
		model.addAttribute("topics", topics.ofUnit(code, shown, user));
		model.addAttribute("campaign", campaign.board(code, shown, user));
		model.addAttribute("campaignColumns", CAMPAIGN_COLUMNS);
		OneThingBoard board = oneThing.board(code, shown, user);
		model.addAttribute("oneThing", board);
		// the applications behind a number are the life events module's, read only within scope
		model.addAttribute("leLinks", user.scope().covers(unit.path()) ? oneThingLinks.of(board) : Map.of());
		model.addAttribute("reasons", OneThingDashboard.REASONS);
		// the problems behind a number and the reports hold staff-only data: linked only where the
		// viewer's scope covers the unit (the city's and other districts' figures are published bare)
		model.addAttribute("inScope", user.scope().covers(unit.path()));
		return "dashboard/unit";
	}

	/** The problems behind a number: the problem search's list with the filter that fits the measure. */
	@GetMapping("/units/{code}/problems")
	String behind(@PathVariable String code, @RequestParam Measure measure,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable String category, @RequestParam(defaultValue = "0") int page,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		YearMonth shown = month(month);
		Unit unit = drillable(code, user);
		ProblemFilter filter = figures.behindFilter(code, measure, shown, blank(category));
		ProblemViews.Page found = figures.behindPage(code, measure, shown, blank(category), page, user);
		model.addAttribute("unit", unit);
		model.addAttribute("lineage", lineage(unit, user));
		model.addAttribute("month", shown);
		model.addAttribute("measure", measure);
		model.addAttribute("category", blank(category));
		model.addAttribute("exact", DashboardFigures.isExact(measure));
		model.addAttribute("filter", filter);
		model.addAttribute("page", found);
		model.addAttribute("unitNames", problems.unitsOf(found.items()));
		return "dashboard/problems";
	}

	@GetMapping("/units/{code}/ranking.xlsx")
	void rankingXlsx(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		drillable(code, user);
		YearMonth shown = month(month);
		export.ranking(figures.figures(code, shown, user), figures.learning(code, shown, user),
				figures.ranking(code, shown, user), response);
	}

	@GetMapping("/units/{code}/campaign.xlsx")
	void campaignXlsx(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		drillable(code, user);
		export.campaign(campaign.board(code, month(month), user), response);
	}

	@GetMapping("/units/{code}/one-thing.xlsx")
	void oneThingXlsx(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		drillable(code, user);
		export.oneThing(oneThing.board(code, month(month), user), response);
	}

	@GetMapping("/units/{code}/heat.xlsx")
	void heatXlsx(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
			throws IOException {
		Unit unit = drillable(code, user);
		List<HeatRow> heat = figures.heat(code, user);
		export.heat(unit, heat, response);
	}

	@GetMapping("/units/{code}/trend.xlsx")
	void trendXlsx(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		Unit unit = drillable(code, user);
		YearMonth shown = month(month);
		export.trend(unit, shown, figures.trend(code, shown.minusMonths(11), shown, user), response);
	}

	@GetMapping("/units/{code}/categories.xlsx")
	void categoriesXlsx(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		Unit unit = drillable(code, user);
		YearMonth shown = month(month);
		export.categories(unit, shown, figures.categories(code, shown, user),
				topics.find(shown, user).orElse(null), response);
	}

	@GetMapping("/weights")
	String weights(Model model, @AuthenticationPrincipal CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		model.addAttribute("weights", administration.weights());
		return "dashboard/weights";
	}

	/** The city administrator's change; a refusal (403, a stale version, all zero) comes back as a message. */
	@PostMapping("/weights")
	String changeWeights(@RequestParam int response, @RequestParam int resolution, @RequestParam int satisfaction,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Weights changed = administration.changeWeights(new Weights.Change(response, resolution, satisfaction, version),
					user);
			redirect.addFlashAttribute("notice", messages.text("dashboard.weights.saved", changed.response(),
					changed.resolution(), changed.satisfaction()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/dashboard/weights";
	}

	private YearMonth month(@Nullable YearMonth month) {
		return month == null ? figures.thisMonth() : month;
	}

	/**
	 * A unit whose view the caller may open: the city for all staff, anything else within scope
	 * (a district sees the published ranking of all districts but drills only into its own).
	 */
	private Unit drillable(String code, CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		Unit unit = units.getByCode(code, DataScope.CITY);
		if (unit.level() != UnitLevel.CITY && !user.scope().covers(unit.path())) {
			throw new NotFoundException("unit", code);
		}
		return unit;
	}

	private Unit defaultUnit(CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		Unit own = units.get(user.unitId(), DataScope.CITY);
		if (own.level() == UnitLevel.CITY || user.scope().covers(own.path())) {
			return own;
		}
		return units.getByCode(own.pathCodes().get(0), DataScope.CITY);
	}

	/** The units above this one, each with whether the caller may open it. */
	private List<Crumb> lineage(Unit unit, CurrentUser user) {
		return units.lineage(unit, DataScope.CITY)
			.stream()
			.filter(above -> !above.code().equals(unit.code()))
			.map(above -> new Crumb(above, above.level() == UnitLevel.CITY || user.scope().covers(above.path())))
			.toList();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/** A unit above the shown one in the breadcrumb. */
	record Crumb(Unit unit, boolean open) {

	}

}
