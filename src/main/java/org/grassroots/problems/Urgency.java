package org.grassroots.problems;

/** Picks the category's time limit for rectification. */
public enum Urgency {

	EMERGENCY, UTILITY, GENERAL, COMPLEX

}
