package org.grassroots.shared;

/** How far a role's view reaches in the unit tree (see docs/people.md). */
public enum ScopeKind {

	ALL, UNIT_AND_BELOW, UNIT, ASSIGNED, SELF

}
