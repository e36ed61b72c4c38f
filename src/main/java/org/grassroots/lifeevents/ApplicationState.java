package org.grassroots.lifeevents;

/** Where an application stands: open while departments work on it, then completed (one result) or returned. */
public enum ApplicationState {

	OPEN, COMPLETED, RETURNED

}
