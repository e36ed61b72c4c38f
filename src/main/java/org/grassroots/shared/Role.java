package org.grassroots.shared;

/** The roles of Grassroots (docs/people.md), each with the data scope kind it carries unless told otherwise. */
public enum Role {

	CITY_ADMIN(ScopeKind.ALL), UNIT_ADMIN(ScopeKind.UNIT_AND_BELOW), LEADING_CADRE(ScopeKind.UNIT_AND_BELOW),
	CASEWORKER(ScopeKind.UNIT_AND_BELOW), STEERING_GROUP(ScopeKind.ASSIGNED), PARTY_MEMBER(ScopeKind.SELF),
	RESIDENT(ScopeKind.SELF);

	/**
	 * The roles that lead: city and unit administrators, leading cadres and steering groups. They
	 * land on their dashboard after signing in; caseworkers, members and residents on their home page.
	 */
	public static final java.util.Set<Role> LEADERS = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(CITY_ADMIN, UNIT_ADMIN, LEADING_CADRE, STEERING_GROUP));

	private final ScopeKind defaultScope;

	Role(ScopeKind defaultScope) {
		this.defaultScope = defaultScope;
	}

	public ScopeKind defaultScope() {
		return defaultScope;
	}

	/** Staff roles work with units; party members and residents see only their own records. */
	public boolean isStaff() {
		return defaultScope != ScopeKind.SELF;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
