package org.grassroots.lifeevents.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

// replaced by WorkingCalendar at merge
/** Monday to Friday are working days, until the working-day calendar stands behind {@link WorkingDays}. */
@Component
class WeekdaysOnly implements WorkingDays {

	@Override
	public LocalDate addWorkingDays(LocalDate start, int days) {
		LocalDate day = start;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (working(day)) {
				left--;
			}
		}
		return day;
	}

	@Override
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (working(day)) {
				count++;
			}
		}
		return count;
	}

	private static boolean working(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
