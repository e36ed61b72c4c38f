package org.grassroots.plans;

/** How a measure stands against its deadline, as the benchmarking view shows it; best first. */
public enum Timeliness {

	/** Done on or before the deadline. */
	ON_TIME,
	/** Not done, and the deadline has not passed. */
	ON_TRACK,
	/** Done after the deadline. */
	LATE,
	/** Not done, and the deadline passed. */
	OVERDUE

}
