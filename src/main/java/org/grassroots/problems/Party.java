package org.grassroots.problems;

/** How a person stands to a problem; decided from their unit and roles, never from what they claim. */
public enum Party {

	/** Staff of the unit that receives and dispatches the problem. */
	HANDLING_UNIT,
	/** Staff of the unit that rectifies it. */
	RESPONSIBLE_UNIT,
	/** Staff of the unit that recognizes for the raising side (the unit that raised it or passed it down). */
	RAISING_SIDE,
	/** Staff of the unit that recognizes for the responsible side. */
	RESPONSIBLE_SIDE,
	/** A cadre or administrator of a unit above the one holding the problem, or the city office or a steering group. */
	UPPER_UNIT,
	/** Staff of a department summoned about the problem that has not finished its part. */
	SUMMONED_DEPARTMENT,
	/** The resident who reported it, by tracking code. */
	REPORTER

}
