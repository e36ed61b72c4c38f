package org.grassroots.dashboard.web;

import java.time.YearMonth;
import java.util.List;

import org.grassroots.dashboard.BehindNumber;
import org.grassroots.dashboard.CampaignBoard;
import org.grassroots.dashboard.CampaignDashboard;
import org.grassroots.dashboard.CategoryCount;
import org.grassroots.dashboard.DashboardAdministration;
import org.grassroots.dashboard.DashboardFigures;
import org.grassroots.dashboard.Figures;
import org.grassroots.dashboard.FiguresRebuilt;
import org.grassroots.dashboard.LearningFigures;
import org.grassroots.dashboard.Measure;
import org.grassroots.dashboard.MonthlyTopics;
import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.OneThingDashboard;
import org.grassroots.dashboard.Ranking;
import org.grassroots.dashboard.Topic;
import org.grassroots.dashboard.TrendPoint;
import org.grassroots.dashboard.Weights;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Figures of problems per unit subtree and month, rankings, trends and categories "
		+ "(definitions in docs/dashboard.md); the city's and districts' figures are published to all staff, "
		+ "everything below a district answers 404 outside the caller's scope")
class DashboardApiController {

	private final DashboardFigures figures;

	private final DashboardAdministration administration;

	private final MonthlyTopics topics;

	private final CampaignDashboard campaign;

	private final OneThingDashboard oneThing;

	DashboardApiController(DashboardFigures figures, DashboardAdministration administration, MonthlyTopics topics,
			CampaignDashboard campaign, OneThingDashboard oneThing) {
		this.oneThing = oneThing;
		this.topics = topics;
		this.campaign = campaign;
		this.figures = figures;
		this.administration = administration;
	}

	@GetMapping("/units/{code}/figures")
	@Operation(summary = "A unit subtree's figures for a month (default this month, Asia/Shanghai): counts, rates, score")
	Figures figures(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return figures.figures(code, month, user);
	}

	@GetMapping("/units/{code}/learning")
	@Operation(summary = "A unit subtree's learning figures for a month: coverage over the plans running in the month and "
			+ "check-ins, members counted where they are now")
	LearningFigures learning(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return figures.learning(code, month, user);
	}

	@GetMapping("/units/{code}/campaign")
	@Operation(summary = "A unit subtree's campaign figures for a month and its administrative children's: leading "
			+ "cadres' visits by kind, problems they collected and how many were solved on the spot or later, work "
			+ "measures due, done, done on time, open and overdue (the last two about now), typical cases published "
			+ "and mechanisms adopted; children listed for the city and within scope")
	CampaignBoard campaign(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return campaign.board(code, month, user);
	}

	@GetMapping("/units/{code}/one-thing")
	@Operation(summary = "A unit subtree's one-thing figures (一件事一次办) for a month: applications filed, completed, "
			+ "completed within the time limit (and their share of the completed), average working days to completion, "
			+ "returned (also by reason), open and overdue now; the same per life event (code and name) and for each "
			+ "administrative child (listed for the city and within scope); definitions in docs/dashboard.md")
	OneThingBoard oneThing(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return oneThing.board(code, month, user);
	}

	@GetMapping("/units/{code}/ranking")
	@Operation(summary = "The unit's administrative children ranked by weighted score, with last month's rank and score; "
			+ "the city's ranking of districts for all staff, any other within scope")
	Ranking ranking(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return figures.ranking(code, month, user);
	}

	@GetMapping("/units/{code}/trend")
	@Operation(summary = "Problems received and closed per month (default the last 12 months, at most 60)")
	List<TrendPoint> trend(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth to,
			@AuthenticationPrincipal CurrentUser user) {
		return figures.trend(code, from, to, user);
	}

	@GetMapping("/units/{code}/categories")
	@Operation(summary = "Problems received per category in the month and the month before, most frequent first "
			+ "(one topic a month)")
	List<CategoryCount> categories(@PathVariable String code, @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return figures.categories(code, month, user);
	}

	@GetMapping("/units/{code}/problems")
	@Operation(summary = "The problems behind a number, with ledger numbers and links, from the scoped problem search "
			+ "(20 a page); exact=false where the search can only give the nearest list")
	BehindNumber behind(@PathVariable String code, @RequestParam Measure measure,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable String category, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		return figures.behind(code, measure, month, category, page, user);
	}

	@GetMapping("/units/{code}/topics")
	@Operation(summary = "One topic a month for a unit: the month's topic and the earlier ones, each with its category's "
			+ "count in the month before, in the topic month and in every month after it up to the month")
	MonthlyTopics.UnitTopics unitTopics(@PathVariable String code, @Parameter(description = "yyyy-MM")
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user) {
		return topics.ofUnit(code, month, user);
	}

	@GetMapping("/topics")
	@Operation(summary = "Every month's topic (每月一题), newest first")
	List<Topic> topics(@AuthenticationPrincipal CurrentUser user) {
		return topics.list(user);
	}

	@PutMapping("/topics/{month}")
	@Operation(summary = "Pick or change a month's topic (city administrator; a known category, a note of at most 200 "
			+ "characters, version 0 for a month without a topic; 409 on a stale version); audited")
	Topic chooseTopic(@Parameter(description = "yyyy-MM") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestBody Topic.Choice choice, @AuthenticationPrincipal CurrentUser user) {
		return topics.choose(month, choice, user);
	}

	@GetMapping("/weights")
	@Operation(summary = "The ranking weights of the response, resolution and satisfaction rates, with their version")
	Weights weights() {
		return administration.weights();
	}

	@PutMapping("/weights")
	@Operation(summary = "Change the ranking weights (city administrator; 0-100 each, not all 0; 409 on a stale version); audited")
	Weights changeWeights(@RequestBody Weights.Change change, @AuthenticationPrincipal CurrentUser user) {
		return administration.changeWeights(change, user);
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Count every figure again from scratch through the problems module's API (city administrator); audited")
	FiguresRebuilt rebuild(@AuthenticationPrincipal CurrentUser user) {
		return administration.rebuild(user);
	}

}
