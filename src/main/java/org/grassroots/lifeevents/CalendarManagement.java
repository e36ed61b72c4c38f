package org.grassroots.lifeevents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.lifeevents.CalendarRules.CalendarAction;
import org.grassroots.lifeevents.internal.calendar.CalendarDayRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The city administrator's working-day calendar: a year's set days to read, and a day to set or
 * remove (audited, with the version seen). {@link WorkingCalendar} counts with it.
 */
@Service
public class CalendarManagement {

	/** The years the calendar keeps: time limits of applications filed now and years back. */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2099;

	private final CalendarDayRepository days;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	private final Clock clock;

	CalendarManagement(CalendarDayRepository days, WorkingCalendar calendar, ApplicationEventPublisher events,
			InputCheck input, Clock clock) {
		this.days = days;
		this.calendar = calendar;
		this.events = events;
		this.input = input;
		this.clock = clock;
	}

	/** A year's set days as stored now, its working days, and whether it was entered (any signed-in person). */
	@Transactional(readOnly = true)
	public CalendarYear year(int year, CurrentUser user) {
		CalendarRules.check(CalendarAction.READ, user);
		checkYear(year);
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		List<CalendarDay> set = days.between(first, last);
		return new CalendarYear(year, !set.isEmpty(), WorkingCalendar.count(first.minusDays(1), last, set), set);
	}

	/**
	 * Sets a day (city administrator): HOLIDAY for a day off, WORKDAY for a Saturday or Sunday
	 * worked, with the festival's name; the version seen is 0 for a day not set yet, and a stale
	 * one answers 409. A WORKDAY on Monday to Friday would change nothing and is refused; a HOLIDAY
	 * on a weekend is kept, as the official notice lists it, for its name.
	 */
	@Transactional
	public CalendarDay set(LocalDate day, CalendarDay.Change change, CurrentUser user) {
		CalendarRules.check(CalendarAction.SET_DAY, user);
		input.check(change);
		checkYear(day.getYear());
		CalendarDay.Kind kind = kind(change.kind());
		if (kind == CalendarDay.Kind.WORKDAY && !CalendarDay.isWeekend(day)) {
			throw DomainException.invalid("le.calendar.error.workday-on-weekday", day.toString());
		}
		String nameZh = change.nameZh().strip();
		String nameEn = blankToNull(change.nameEn());
		int seen = change.version() == null ? 0 : change.version();
		Optional<CalendarDay> before = days.find(day);
		if (before.isEmpty()) {
			if (seen != 0) {
				throw DomainException.staleVersion();
			}
			try {
				days.insert(day, kind, nameZh, nameEn, user.getUsername(), clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.staleVersion();
			}
		}
		else if (!days.update(day, kind, nameZh, nameEn, seen, user.getUsername(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		CalendarDay after = days.find(day).orElseThrow();
		events.publishEvent(new CalendarDaySet(before.orElse(null), after, user.unitPath()));
		reloadAfterCommit();
		return after;
	}

	/**
	 * Removes a set day (city administrator), with the version seen: the day counts as plain
	 * Monday to Friday again. A day not set answers 404, a stale version 409.
	 */
	@Transactional
	public void remove(LocalDate day, int version, CurrentUser user) {
		CalendarRules.check(CalendarAction.REMOVE_DAY, user);
		checkYear(day.getYear());
		CalendarDay before = days.find(day).orElseThrow(() -> new NotFoundException("calendar day", day));
		if (!days.delete(day, version)) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new CalendarDayRemoved(before, user.unitPath()));
		reloadAfterCommit();
	}

	private static CalendarDay.Kind kind(String code) {
		try {
			return CalendarDay.Kind.valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("le.calendar.error.kind");
		}
	}

	private static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw DomainException.invalid("le.calendar.error.year", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** This node counts with the change as soon as it is committed; the others within their refresh. */
	private void reloadAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				calendar.refresh();
			}
		});
	}

}
