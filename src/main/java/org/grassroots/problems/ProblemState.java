package org.grassroots.problems;

/** Where a problem stands in its lifecycle (DESIGN.md section 4). */
public enum ProblemState {

	REPORTED, ACCEPTED, DECLINED, ASSIGNED, RECTIFYING, SUBMITTED, CLOSED;

	public boolean isOpen() {
		return this != DECLINED && this != CLOSED;
	}

}
