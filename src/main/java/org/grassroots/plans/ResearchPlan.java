package org.grassroots.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A research plan (调研方案) of a district or street office: its topics, the problem categories it
 * targets, the units it covers and its period.
 *
 * @param coveredUnitIds the owner's unit or units of its subtree
 */
public record ResearchPlan(long id, String title, @Nullable String topics, List<String> categoryCodes, long ownerUnitId,
		String ownerUnitPath, List<Long> coveredUnitIds, LocalDate periodStart, LocalDate periodEnd, String createdBy,
		Instant createdAt, Instant updatedAt, int version) {

	public ResearchPlan {
		categoryCodes = List.copyOf(categoryCodes);
		coveredUnitIds = List.copyOf(coveredUnitIds);
	}

	/** Where the plan stands on a day: not started, running or ended; derived from its period. */
	public PlanPhase phase(LocalDate today) {
		if (today.isBefore(periodStart)) {
			return PlanPhase.UPCOMING;
		}
		return today.isAfter(periodEnd) ? PlanPhase.ENDED : PlanPhase.RUNNING;
	}

	/** A plan's phase by its period; a plan has no other state. */
	public enum PlanPhase {

		UPCOMING, RUNNING, ENDED

	}

}
