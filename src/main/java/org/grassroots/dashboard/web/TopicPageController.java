package org.grassroots.dashboard.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.dashboard.DashboardFigures;
import org.grassroots.dashboard.MonthlyTopics;
import org.grassroots.dashboard.Topic;
import org.grassroots.dashboard.TopicFigures;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One topic a month (每月一题): the topics by month with the city's figures, and the city
 * administrator's form to pick a month's topic from the high-frequency categories.
 */
@PageController
@RequestMapping("/dashboard/topics")
class TopicPageController {

	private final MonthlyTopics topics;

	private final DashboardFigures figures;

	private final Messages messages;

	TopicPageController(MonthlyTopics topics, DashboardFigures figures, Messages messages) {
		this.topics = topics;
		this.figures = figures;
		this.messages = messages;
	}

	/** The topics with the city's figures; the form picks the given month's topic (default this month). */
	@GetMapping
	String page(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		YearMonth thisMonth = figures.thisMonth();
		YearMonth picking = month == null ? thisMonth : month;
		Unit city = topics.city();
		MonthlyTopics.UnitTopics ofCity = topics.ofUnit(city.code(), thisMonth, user);
		List<TopicFigures> rows = new ArrayList<>();
		if (ofCity.current() != null) {
			rows.add(ofCity.current());
		}
		rows.addAll(ofCity.earlier());
		model.addAttribute("city", city);
		// the city's counts are published; the problems behind them only to the whole city's scope
		model.addAttribute("cityInScope", user.scope().covers(city.path()));
		model.addAttribute("thisMonth", thisMonth);
		model.addAttribute("picking", picking);
		model.addAttribute("rows", rows);
		model.addAttribute("upcoming", topics.list(user).stream().filter(t -> t.month().isAfter(thisMonth)).toList());
		model.addAttribute("chosen", topics.find(picking, user).orElse(null));
		model.addAttribute("categories", topics.highFrequency(thisMonth, user));
		return "dashboard/topics";
	}

	/** The city administrator's pick; a refusal (403, a stale version, bad input) comes back as a message. */
	@PostMapping
	String choose(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, @RequestParam String category,
			@RequestParam String note, @RequestParam(defaultValue = "0") int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Topic chosen = topics.choose(month, new Topic.Choice(category, note, version), user);
			redirect.addFlashAttribute("notice",
					messages.text("dashboard.topic.saved", chosen.month().toString(), chosen.categoryName(lang())));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/dashboard/topics?month=" + month;
	}

	private static String lang() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

}
