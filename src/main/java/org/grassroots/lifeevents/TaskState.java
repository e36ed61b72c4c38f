package org.grassroots.lifeevents;

/**
 * Where a department task stands (docs/lifeevents.md): WAITING for its predecessors or the owners'
 * consent, PENDING in the department's queue, ACCEPTED, MATERIAL_REQUESTED from the resident, then
 * COMPLETED or REJECTED; WITHDRAWN when another department's rejection returned the application.
 */
public enum TaskState {

	WAITING, PENDING, ACCEPTED, MATERIAL_REQUESTED, COMPLETED, REJECTED, WITHDRAWN;

	/** Still to be done by someone. */
	public boolean open() {
		return this != COMPLETED && this != REJECTED && this != WITHDRAWN;
	}

	/** In the department's hands: the officer may act on it. */
	public boolean workable() {
		return this == PENDING || this == ACCEPTED;
	}

}
