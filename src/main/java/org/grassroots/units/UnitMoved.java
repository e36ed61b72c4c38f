package org.grassroots.units;

import org.grassroots.shared.AuditableEvent;

/**
 * A unit and its whole subtree moved under another parent; every path that started with
 * {@code before.path()} now starts with {@code after.path()}. Modules that copy unit paths
 * rewrite theirs in the same transaction.
 */
public record UnitMoved(Unit before, Unit after, int subtreeSize) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "UNIT_MOVED";
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
