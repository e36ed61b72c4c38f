package org.grassroots.units;

import org.grassroots.shared.AuditableEvent;

/** A unit got new names. */
public record UnitRenamed(Unit before, Unit after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "UNIT_RENAMED";
	}

	@Override
	public String subjectType() {
		return "UNIT";
	}

	@Override
	public String subjectId() {
		return after.code();
	}

	@Override
	public String unitPath() {
		return after.path();
	}

}
