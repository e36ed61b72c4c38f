package org.grassroots.plans;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A research plan was written or changed ({@code RESEARCH_PLAN_CREATED}, {@code RESEARCH_PLAN_UPDATED}). */
public record ResearchPlanChanged(String auditKind, @Nullable ResearchPlan before, ResearchPlan after)
		implements AuditableEvent {

	@Override
	public String subjectType() {
		return "RESEARCH_PLAN";
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
