package org.grassroots.lifeevents.web.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.lifeevents.CalendarDay;
import org.grassroots.lifeevents.CalendarYear;
import org.jspecify.annotations.Nullable;

/**
 * One month of the calendar page as a grid of weeks from Monday to Sunday, each day marked as a
 * working day, a weekend, a holiday or an adjusted working weekend day, with the festivals named
 * in the month.
 */
record MonthGrid(int month, List<List<Cell>> weeks, List<CalendarDay> festivals) {

	/** A day of the grid, or an empty cell before the first or after the last day of the month. */
	record Cell(@Nullable LocalDate date, String mark, @Nullable CalendarDay set) {

		public int dayOfMonth() {
			return date == null ? 0 : date.getDayOfMonth();
		}

	}

	/** The twelve months of a year, the set days marked. */
	static List<MonthGrid> of(CalendarYear year) {
		Map<LocalDate, CalendarDay> set = year.days().stream()
			.collect(Collectors.toMap(CalendarDay::day, Function.identity()));
		List<MonthGrid> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			months.add(month(YearMonth.of(year.year(), m), set));
		}
		return months;
	}

	private static MonthGrid month(YearMonth month, Map<LocalDate, CalendarDay> set) {
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> week = new ArrayList<>();
		int blanks = month.atDay(1).getDayOfWeek().getValue() - 1;
		for (int i = 0; i < blanks; i++) {
			week.add(new Cell(null, "", null));
		}
		Set<CalendarDay> festivals = new LinkedHashSet<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			CalendarDay day = set.get(date);
			week.add(new Cell(date, mark(date, day), day));
			if (day != null && festivals.stream().noneMatch(f -> f.nameZh().equals(day.nameZh()))) {
				festivals.add(day);
			}
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new Cell(null, "", null));
			}
			weeks.add(week);
		}
		return new MonthGrid(month.getMonthValue(), weeks, List.copyOf(festivals));
	}

	/** The cell's CSS mark: a set day by its kind, else a weekend or a plain working day. */
	private static String mark(LocalDate date, @Nullable CalendarDay day) {
		if (day != null) {
			return day.kind() == CalendarDay.Kind.HOLIDAY ? "cal-holiday" : "cal-workday";
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		return weekend ? "cal-weekend" : "cal-working";
	}

}
