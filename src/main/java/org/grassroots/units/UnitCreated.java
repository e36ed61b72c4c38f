package org.grassroots.units;

import org.grassroots.shared.AuditableEvent;

/** A unit was added to the hierarchy. */
public record UnitCreated(Unit unit) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "UNIT_CREATED";
	}

	@Override
	public String subjectType() {
		return "UNIT";
	}

	@Override
	public String subjectId() {
		return unit.code();
	}

	@Override
	public String unitPath() {
		return unit.path();
	}

	@Override
	public Object after() {
		return unit;
	}

}
