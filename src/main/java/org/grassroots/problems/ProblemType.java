package org.grassroots.problems;

/** IMMEDIATE: fix now, one deadline. LONG_TERM: staged milestones, each with its own deadline. */
public enum ProblemType {

	IMMEDIATE, LONG_TERM

}
