package org.grassroots.problems;

/** How a problem was found. */
public enum ProblemSource {

	SELF_FOUND, POINTED_OUT_BY_SUPERIOR, UNIT_INSPECTION, PEER_HELP, RAISED_BY_GRASSROOTS, RESEARCH, VISIT, HOTLINE,
	PETITION, RESIDENT, STUDY

}
