package org.grassroots.cases;

/** How far a published case reaches: the writing unit's subtree and the units above it, or every district. */
public enum CaseReach {

	SUBTREE, CITY

}
