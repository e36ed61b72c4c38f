package org.grassroots.dashboard;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one-thing figures (一件事一次办) of a unit subtree, or of one life event in it, for a month;
 * each defined in docs/dashboard.md ("One thing done at one time").
 *
 * @param applied applications filed in the month
 * @param done applications completed in the month
 * @param doneOnTime of them, completed within their time limit
 * @param onTimeRate doneOnTime / done as a share to four places, null when none was completed
 * @param doneDays the working days from filing to completion of the completed ones, summed
 * @param averageDays doneDays / done to one place, null when none was completed
 * @param returned applications returned in the month
 * @param open applications open now
 * @param overdue open applications past their deadline now
 */
public record OneThingFigures(long applied, long done, long doneOnTime, @Nullable Double onTimeRate, long doneDays,
		@Nullable Double averageDays, long returned, long open, long overdue) {

	/** The counter codes these figures are read from, without the event suffix, in this record's order. */
	static final String APPLIED = "LE_APPLIED", DONE = "LE_DONE", DONE_ON_TIME = "LE_DONE_ON_TIME",
			DONE_DAYS = "LE_DONE_DAYS", RETURNED = "LE_RETURNED", OPEN = "LE_OPEN", OVERDUE = "LE_OVERDUE";

	static OneThingFigures of(Map<String, Long> month, Map<String, Long> now) {
		long done = month.getOrDefault(DONE, 0L);
		long onTime = month.getOrDefault(DONE_ON_TIME, 0L);
		long days = month.getOrDefault(DONE_DAYS, 0L);
		return new OneThingFigures(month.getOrDefault(APPLIED, 0L), done, onTime, Figures.rate(onTime, done), days,
				done == 0 ? null : Math.round(days * 10.0 / done) / 10.0, month.getOrDefault(RETURNED, 0L),
				now.getOrDefault(OPEN, 0L), now.getOrDefault(OVERDUE, 0L));
	}

	/** Whether anything is counted at all. */
	public boolean any() {
		return applied + done + returned + open + overdue > 0;
	}

}
