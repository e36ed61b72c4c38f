package org.grassroots.dashboard;

/**
 * A counted quantity of the dashboard (docs/dashboard.md): each is kept per unit subtree, month and
 * category. Received-month measures count in the month a problem was received, closed-month ones
 * in the month it closed, and the now measures under month 0.
 */
public enum Measure {

	RECEIVED, RESPONDED, DECLINED, RETURNED, REOPENED, SUMMONED, REPORTED_IN, CLOSED, RESOLVED, CLOSED_ON_TIME, RATED,
	SATISFIED, OPEN, OVERDUE, SUPERVISED;

	/** The column of the counter table. */
	public String column() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
