package org.grassroots.lifeevents;

/** What a department did to its task (or the deadline job flagged). */
public enum TaskAction {

	ACCEPTED, COMPLETED, REJECTED, MATERIAL_REQUESTED, OVERDUE

}
