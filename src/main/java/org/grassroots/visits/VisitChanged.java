package org.grassroots.visits;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A logged visit changed: a photo was added, or a problem collected on it closed or reopened,
 * which changes its count of problems solved later (recorded as the system's doing).
 */
public record VisitChanged(Change change, Visit before, Visit after, @Nullable String actorName) implements AuditableEvent {

	/** What changed. */
	public enum Change {

		PHOTO_ADDED, COUNTS

	}

	@Override
	public String auditKind() {
		return "VISIT_" + change.name();
	}

	@Override
	public String subjectType() {
		return "VISIT";
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
