package org.grassroots.units;

/** An administrative division, or a department attached to a level (e.g. a district housing bureau). */
public enum UnitKind {

	ADMINISTRATIVE, DEPARTMENT

}
