package org.grassroots.shared;

/** The roles of Grassroots (docs/people.md), each with the data scope kind it carries unless told otherwise. */
public enum Role {

	CITY_ADMIN(ScopeKind.ALL), UNIT_ADMIN(ScopeKind.UNIT_AND_BELOW), LEADING_CADRE(ScopeKind.UNIT_AND_BELOW),
	CASEWORKER(ScopeKind.UNIT_AND_BELOW), STEERING_GROUP(ScopeKind.ASSIGNED), PARTY_MEMBER(ScopeKind.SELF),
	RESIDENT(ScopeKind.SELF);

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
