package org.grassroots.units;

import org.grassroots.shared.AuditableEvent;

/** A unit's boundary was removed; points inside it are placed by the units above from now on. */
public record UnitBoundaryRemoved(Unit unit, UnitBoundary before) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "UNIT_BOUNDARY_REMOVED";
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

}
