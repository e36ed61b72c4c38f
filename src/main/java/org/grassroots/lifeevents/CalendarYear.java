package org.grassroots.lifeevents;

import java.util.List;

/**
 * One year of the working-day calendar: its set days in date order, how many working days it has,
 * and whether its official calendar was entered at all (a year without a single set day counts
 * plain Monday to Friday).
 */
public record CalendarYear(int year, boolean entered, int workingDays, List<CalendarDay> days) {

}
