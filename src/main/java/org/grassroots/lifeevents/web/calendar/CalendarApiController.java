package org.grassroots.lifeevents.web.calendar;

import java.time.LocalDate;

import org.grassroots.lifeevents.CalendarDay;
import org.grassroots.lifeevents.CalendarManagement;
import org.grassroots.lifeevents.CalendarYear;
import org.grassroots.shared.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/lifeevents/calendar")
@Tag(name = "Working-day calendar", description = "The city's working-day calendar for one-thing time limits: Monday "
		+ "to Friday, minus HOLIDAY days, plus WORKDAY days (adjusted working weekends, 调休); a year without any set "
		+ "day counts plain Monday to Friday (docs/lifeevents-calendar.md)")
class CalendarApiController {

	private final CalendarManagement management;

	CalendarApiController(CalendarManagement management) {
		this.management = management;
	}

	@GetMapping("/{year}")
	@Operation(summary = "A year's set days (HOLIDAY or WORKDAY, with the festival's name and version), its number of "
			+ "working days, and whether its official calendar was entered (any signed-in person; years 2000-2099)")
	CalendarYear year(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
		return management.year(year, user);
	}

	@PutMapping("/days/{date}")
	@Operation(summary = "Set a day (city administrator): kind HOLIDAY or WORKDAY (WORKDAY only on a Saturday or Sunday), "
			+ "the festival's Chinese name (at most 40 characters) and English name (optional, at most 80), version 0 "
			+ "for a day not set yet; 409 on a stale version; audited")
	CalendarDay set(@Parameter(description = "yyyy-MM-dd") @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
			LocalDate date, @RequestBody CalendarDay.Change change, @AuthenticationPrincipal CurrentUser user) {
		return management.set(date, change, user);
	}

	@DeleteMapping("/days/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a set day (city administrator) with the version seen: it counts as plain Monday to "
			+ "Friday again; 404 for a day not set, 409 on a stale version; audited")
	void remove(@Parameter(description = "yyyy-MM-dd") @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
			LocalDate date, @RequestParam int version, @AuthenticationPrincipal CurrentUser user) {
		management.remove(date, version, user);
	}

}
