package org.grassroots.visits;

import org.grassroots.shared.AuditableEvent;

/** A cadre published a petition-reception day. */
public record ReceptionDayPublished(ReceptionDay day) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "RECEPTION_DAY_PUBLISHED";
	}

	@Override
	public String subjectType() {
		return "RECEPTION_DAY";
	}

	@Override
	public String subjectId() {
		return String.valueOf(day.id());
	}

	@Override
	public String unitPath() {
		return day.unitPath();
	}

	@Override
	public Object after() {
		return day;
	}

}
