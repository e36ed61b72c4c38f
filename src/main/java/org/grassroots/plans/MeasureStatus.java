package org.grassroots.plans;

/**
 * Where a work measure stands: PLANNED until the first progress, IN_PROGRESS, DONE when progress
 * reaches the target or the owner marks it done with evidence, OVERDUE when the deadline passed
 * first (the deadline job sets it; an overdue measure can still be done, late).
 */
public enum MeasureStatus {

	PLANNED, IN_PROGRESS, DONE, OVERDUE;

	public boolean isDone() {
		return this == DONE;
	}

}
