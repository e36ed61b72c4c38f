package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** The city administrator set a day of the working-day calendar (new, or changed from before). */
public record CalendarDaySet(@Nullable CalendarDay before, CalendarDay after, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_CALENDAR_DAY_SET";
	}

	@Override
	public String subjectType() {
		return "LE_CALENDAR_DAY";
	}

	@Override
	public String subjectId() {
		return after.day().toString();
	}

}
