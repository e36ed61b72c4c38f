package org.grassroots.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one item of the campaign (a visit, a work measure, a typical case, a mechanism, an application
 * of "one thing done at one time") adds to the leadership view's counters now. A module publishes it
 * as an event inside the transaction of every change of the item (an empty {@code counts} when the
 * item is gone); the dashboard keeps the latest of each item and adds only the difference, rolled up
 * the hierarchy. {@code version} grows with every change of the item, so a late or repeated event
 * changes nothing.
 *
 * @param itemKey the item, unique across modules, e.g. {@code VISIT:42}
 * @param version the item's version (its optimistic-lock counter)
 * @param counts what the item counts for, at which unit and month
 */
public record CampaignFigures(String itemKey, long version, List<Count> counts) {

	/** The month key of figures about now (open, overdue), as the dashboard's problem counters use. */
	public static final int NOW = 0;

	public CampaignFigures {
		counts = List.copyOf(counts);
	}

	/**
	 * One figure of an item.
	 *
	 * @param unitPath the materialized path of the unit it counts for (counted at every ancestor too)
	 * @param monthKey yyyymm in Asia/Shanghai, or {@link #NOW}
	 * @param measure what is counted, e.g. {@code VISITS_RESEARCH} (at most 80 characters); docs/dashboard.md
	 * defines each
	 * @param amount how much, usually 1
	 */
	public record Count(String unitPath, int monthKey, String measure, int amount) {

	}

	/** The month key of a day. */
	public static int monthKey(LocalDate day) {
		return day.getYear() * 100 + day.getMonthValue();
	}

	/** The month key of an instant in Asia/Shanghai. */
	public static int monthKey(Instant at) {
		return monthKey(LocalDate.ofInstant(at, Times.ZONE));
	}

}
