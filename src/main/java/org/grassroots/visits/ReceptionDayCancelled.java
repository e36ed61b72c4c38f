package org.grassroots.visits;

import org.grassroots.shared.AuditableEvent;

/** A reception day was cancelled, so the public page no longer lists it. */
public record ReceptionDayCancelled(ReceptionDay before, ReceptionDay after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "RECEPTION_DAY_CANCELLED";
	}

	@Override
	public String subjectType() {
		return "RECEPTION_DAY";
	}

	@Override
	public String subjectId() {
		return String.valueOf(after.id());
	}

	@Override
	public String unitPath() {
		return after.unitPath();
	}

}
