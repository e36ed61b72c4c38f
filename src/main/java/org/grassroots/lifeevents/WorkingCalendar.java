package org.grassroots.lifeevents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.grassroots.lifeevents.internal.calendar.CalendarDayRepository;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Working days for time limits: Monday to Friday, minus the calendar's HOLIDAY days, plus its
 * WORKDAY days (adjusted working weekends, 调休); a year without any set day counts plain Monday to
 * Friday. Every answer comes from memory (the set days, a few dozen a year), never a query per
 * call: the days are read at first use, again right after a change on this node commits, and
 * every minute ({@code grassroots.lifeevents.calendar-refresh}) so that every node sees a change
 * made on another one within that time.
 */
@Component
public class WorkingCalendar {

	private final CalendarDayRepository days;

	private volatile @Nullable Snapshot snapshot;

	WorkingCalendar(CalendarDayRepository days) {
		this.days = days;
	}

	/** The set days in memory and the years that have any. */
	private record Snapshot(NavigableMap<LocalDate, CalendarDay> days, Set<Integer> years) {

	}

	/** Whether people work on the day: Monday to Friday unless a holiday, or an adjusted working weekend day. */
	public boolean isWorkingDay(LocalDate day) {
		CalendarDay set = snapshot().days().get(day);
		if (set != null) {
			return set.kind() == CalendarDay.Kind.WORKDAY;
		}
		return !CalendarDay.isWeekend(day);
	}

	/**
	 * The date that is {@code days} working days after {@code start}: the start itself does not
	 * count, and 0 days gives the start.
	 *
	 * @throws IllegalArgumentException for a negative number of days
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate day = start;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/** How many working days d there are with {@code from < d <= to}; 0 when {@code to} is not after {@code from}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		return count(from, to, snapshot().days().subMap(from, false, to, true).values());
	}

	/** Working days d with {@code from < d <= to}, given the set days inside that span. */
	static int count(LocalDate from, LocalDate to, Iterable<CalendarDay> setDaysInSpan) {
		long span = ChronoUnit.DAYS.between(from, to);
		long weeks = span / 7;
		int count = (int) (weeks * 5);
		for (LocalDate day = from.plusDays(weeks * 7 + 1); !day.isAfter(to); day = day.plusDays(1)) {
			if (!CalendarDay.isWeekend(day)) {
				count++;
			}
		}
		// the set days correct the plain Monday-to-Friday count
		for (CalendarDay set : setDaysInSpan) {
			if (set.kind() == CalendarDay.Kind.HOLIDAY && !set.weekend()) {
				count--;
			}
			else if (set.kind() == CalendarDay.Kind.WORKDAY && set.weekend()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * When a time limit of {@code days} working days from {@code start} runs out: the end of the
	 * day {@link #addWorkingDays} gives for the start's date in Asia/Shanghai, that is the next
	 * midnight there (exclusive).
	 */
	public Instant deadline(Instant start, int days) {
		LocalDate startDay = start.atZone(Times.ZONE).toLocalDate();
		return addWorkingDays(startDay, days).plusDays(1).atStartOfDay(Times.ZONE).toInstant();
	}

	/** Whether the year's official calendar was entered (any day of it set); if not, it counts plain Monday to Friday. */
	public boolean entered(int year) {
		return snapshot().years().contains(year);
	}

	/**
	 * Reads the set days again (every minute, and after a change on this node), so other nodes'
	 * changes are seen. One read at a time: a periodic read begun before a change committed cannot
	 * end after the read the change asked for and put the old days back.
	 */
	@Scheduled(fixedDelayString = "${grassroots.lifeevents.calendar-refresh:PT1M}",
			initialDelayString = "${grassroots.lifeevents.calendar-refresh:PT1M}")
	synchronized void refresh() {
		NavigableMap<LocalDate, CalendarDay> loaded = new TreeMap<>();
		Set<Integer> years = new TreeSet<>();
		for (CalendarDay day : days.all()) {
			loaded.put(day.day(), day);
			years.add(day.day().getYear());
		}
		snapshot = new Snapshot(java.util.Collections.unmodifiableNavigableMap(loaded), Set.copyOf(years));
	}

	private Snapshot snapshot() {
		Snapshot current = snapshot;
		if (current == null) {
			synchronized (this) {
				if (snapshot == null) {
					refresh();
				}
				current = snapshot;
			}
		}
		return java.util.Objects.requireNonNull(current);
	}

}
