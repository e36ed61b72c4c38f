package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;

/** The city administrator removed a day from the working-day calendar: it counts as plain Monday to Friday again. */
public record CalendarDayRemoved(CalendarDay before, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_CALENDAR_DAY_REMOVED";
	}

	@Override
	public String subjectType() {
		return "LE_CALENDAR_DAY";
	}

	@Override
	public String subjectId() {
		return before.day().toString();
	}

}
