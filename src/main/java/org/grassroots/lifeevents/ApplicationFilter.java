package org.grassroots.lifeevents;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * What the staff's list of applications shows (the list behind the dashboard's numbers).
 *
 * @param unitCode a unit whose subtree the application's community lies in
 * @param month filed in that month; with state COMPLETED or RETURNED, completed or returned in it
 * @param state OPEN, COMPLETED or RETURNED
 * @param reason the return category
 */
public record ApplicationFilter(@Nullable String unitCode, @Nullable String eventCode, @Nullable YearMonth month,
		@Nullable ApplicationState state, boolean overdue, boolean onTime, @Nullable String reason) {

	public static final ApplicationFilter ALL = new ApplicationFilter(null, null, null, null, false, false, null);

}
