package org.grassroots.plans;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A work measure was added or changed: progress reported, done, overdue, a milestone, a problem
 * linked or unlinked, progress from a closed problem; the kind names which.
 *
 * @param detail what the change concerned beyond the measure, e.g. the ledger number linked
 * @param actorName who did it when no one is signed in (the deadline job, a problem's closing)
 */
public record WorkMeasureChanged(String auditKind, @Nullable WorkMeasure before, WorkMeasure after,
		@Nullable String detail, @Nullable String actorName) implements AuditableEvent {

	@Override
	public String subjectType() {
		return "WORK_MEASURE";
	}

	@Override
	public String subjectId() {
		return String.valueOf(after.id());
	}

	@Override
	public String unitPath() {
		return after.ownerUnitPath();
	}

}
