package org.grassroots.lifeevents.internal;

import java.time.LocalDate;

/**
 * Working-day arithmetic for deadlines and figures; every such computation goes through it, so the
 * official calendar (holidays and adjusted weekends) can stand behind it.
 */
public interface WorkingDays {

	/** The date {@code days} working days after {@code start}; start itself does not count. */
	LocalDate addWorkingDays(LocalDate start, int days);

	/** The working days after {@code from} up to and including {@code to}. */
	int workingDaysBetween(LocalDate from, LocalDate to);

}
