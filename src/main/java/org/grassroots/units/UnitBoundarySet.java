package org.grassroots.units;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A unit got a boundary, or a new one in place of the old; the record names the shape by its hash. */
public record UnitBoundarySet(Unit unit, @Nullable UnitBoundary before, UnitBoundary after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "UNIT_BOUNDARY_SET";
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
