package org.grassroots.lifeevents.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.grassroots.lifeevents.ApplicationFilter;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.shared.DomainException;
import org.jspecify.annotations.Nullable;

/** The application list's query parameters, as the page, the export and the API take them. */
final class Filters {

	private Filters() {
	}

	static ApplicationFilter of(@Nullable String unit, @Nullable String event, @Nullable String month,
			@Nullable ApplicationState state, boolean overdue, boolean onTime, @Nullable String reason) {
		YearMonth yearMonth = null;
		if (month != null && !month.isBlank()) {
			try {
				yearMonth = YearMonth.parse(month.strip());
			}
			catch (DateTimeParseException ex) {
				throw DomainException.invalid("le.error.month", month);
			}
		}
		return new ApplicationFilter(blank(unit), blank(event), yearMonth, state, overdue, onTime, blank(reason));
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
