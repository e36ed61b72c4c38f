package org.grassroots.lifeevents;

/** Where an owners' consent stands: REGISTERING → VOTING → NOTICE → CONFIRMED, or REFUSED. */
public enum ConsentState {

	REGISTERING, VOTING, NOTICE, CONFIRMED, REFUSED

}
