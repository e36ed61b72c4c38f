package org.grassroots.open311;

import org.grassroots.problems.ProblemState;

/**
 * The statuses of mySociety's {@code servicerequestupdates} extension that FixMyStreet and other
 * clients understand, mapped from the state a problem's step leads to. Plain {@code closed} is
 * never sent: FixMyStreet would show it as fixed. The table in docs/open311.md is checked against
 * {@link #of} by a test.
 */
public enum UpdateStatus {

	OPEN, INVESTIGATING, ACTION_SCHEDULED, IN_PROGRESS, FIXED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY;

	/**
	 * The status after a step.
	 *
	 * @param state the state the step led to
	 * @param duplicate whether the problem is a resident's report linked to an open one
	 */
	public static UpdateStatus of(ProblemState state, boolean duplicate) {
		return switch (state) {
			case REPORTED -> OPEN;
			case ACCEPTED -> INVESTIGATING;
			case ASSIGNED -> ACTION_SCHEDULED;
			case RECTIFYING, SUBMITTED -> IN_PROGRESS;
			case CLOSED -> FIXED;
			// declining (不予受理) means the matter is not for the government to take on; a linked
			// report is declined as the same problem as an open one
			case DECLINED -> duplicate ? DUPLICATE : NOT_COUNCILS_RESPONSIBILITY;
		};
	}

}
