package org.grassroots.learning;

import java.time.Instant;
import java.time.LocalDate;

import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * What to study, for whom (a unit's subtree), by when, and how much: at least {@code requiredCount}
 * check-ins or session attendances between the first and the last day, both included.
 */
public record StudyPlan(long id, String title, @Nullable String materials, @Nullable String links, long unitId,
		String unitPath, LocalDate periodStart, LocalDate periodEnd, int requiredCount, String createdBy,
		Instant createdAt, int version) {

	/** Whether the person may see the plan: its target is in their scope, or it targets a unit above theirs. */
	public boolean visibleTo(CurrentUser user) {
		return user.isStaff() && user.scope().covers(unitPath) || user.unitPath().startsWith(unitPath);
	}

	public boolean runsOn(LocalDate day) {
		return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
	}

}
