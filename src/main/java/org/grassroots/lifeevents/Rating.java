package org.grassroots.lifeevents;

/** A resident's evaluation of a completed application. */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED

}
