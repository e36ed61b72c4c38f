package org.grassroots.problems;

/** A resident's evaluation of a closed problem. */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED

}
