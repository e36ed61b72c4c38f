package org.grassroots.lifeevents.web.calendar;

import java.time.LocalDate;

import org.grassroots.lifeevents.CalendarDay;
import org.grassroots.lifeevents.CalendarManagement;
import org.grassroots.lifeevents.CalendarRules;
import org.grassroots.lifeevents.CalendarRules.CalendarAction;
import org.grassroots.lifeevents.CalendarYear;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.Messages;
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
 * The working-day calendar page: a year as twelve month grids with its holidays and adjusted
 * working weekends, and the city administrator's form to set or remove a day.
 */
@PageController
@RequestMapping("/lifeevents/calendar")
class CalendarPageController {

	private final CalendarManagement management;

	private final Messages messages;

	CalendarPageController(CalendarManagement management, Messages messages) {
		this.management = management;
		this.messages = messages;
	}

	/** The year (default this year in Asia/Shanghai); {@code day} fills the form with a set day to change. */
	@GetMapping
	String page(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		CalendarRules.check(CalendarAction.VIEW_PAGE, user);
		int shown = year != null ? year : day != null ? day.getYear() : LocalDate.now(Times.ZONE).getYear();
		CalendarYear calendar = management.year(shown, user);
		CalendarDay editing = day == null ? null
				: calendar.days().stream().filter(d -> d.day().equals(day)).findFirst().orElse(null);
		model.addAttribute("calendar", calendar);
		model.addAttribute("months", MonthGrid.of(calendar));
		model.addAttribute("editable", CalendarRules.allows(CalendarAction.SET_DAY, user));
		model.addAttribute("editing", editing);
		model.addAttribute("formDay", day != null ? day : LocalDate.of(shown, 1, 1));
		model.addAttribute("firstYear", CalendarManagement.FIRST_YEAR);
		model.addAttribute("lastYear", CalendarManagement.LAST_YEAR);
		return "lifeevents/calendar/calendar";
	}

	/** Sets a day; a refusal (403, a stale version, bad input) comes back as a message. */
	@PostMapping("/days")
	String set(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestParam String kind,
			@RequestParam String nameZh, @RequestParam(required = false) @Nullable String nameEn,
			@RequestParam(defaultValue = "0") int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			CalendarDay saved = management.set(day, new CalendarDay.Change(kind, nameZh, nameEn, version), user);
			redirect.addFlashAttribute("notice", messages.text("le.calendar.saved", saved.day().toString(),
					saved.name(lang()), messages.text("le.calendar.kind." + saved.kind())));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/lifeevents/calendar?year=" + day.getYear();
	}

	/** Removes a set day with the version seen. */
	@PostMapping("/days/remove")
	String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			management.remove(day, version, user);
			redirect.addFlashAttribute("notice", messages.text("le.calendar.removed", day.toString()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		catch (org.grassroots.shared.NotFoundException ex) {
			redirect.addFlashAttribute("error", messages.text("le.calendar.error.not-set", day.toString()));
		}
		return "redirect:/lifeevents/calendar?year=" + day.getYear();
	}

	private static String lang() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

}
