package org.grassroots.shared;

/** The roles of Grassroots (docs/people.md), each with the data scope kind it carries unless told otherwise. */
public enum Role {

	CITY_ADMIN(ScopeKind.ALL), UNIT_ADMIN(ScopeKind.UNIT_AND_BELOW), LEADING_CADRE(ScopeKind.UNIT_AND_BELOW),
	CASEWORKER(ScopeKind.UNIT_AND_BELOW), STEERING_GROUP(ScopeKind.ASSIGNED), PARTY_MEMBER(ScopeKind.SELF),
	RESIDENT(ScopeKind.SELF), SYSTEM_ADMIN(ScopeKind.ALL), SECURITY_ADMIN(ScopeKind.ALL),
	SECURITY_AUDITOR(ScopeKind.ALL);

	/**
	 * The three separate administrators of level-3 protection (三员分立): the system administrator
	 * runs accounts, the security administrator roles, scopes, locks and second factors, the
	 * auditor reads the audit log. They run the system, not the campaign: they see no campaign
	 * data, and an account holding one of them holds no other role (docs/people.md).
	 */
	public static final java.util.Set<Role> SEPARATE_DUTIES = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, SECURITY_AUDITOR));

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

	/**
	 * Staff roles work with the campaign's units; party members and residents see only their own
	 * records, and the separate administrators none.
	 */
	public boolean isStaff() {
		return defaultScope != ScopeKind.SELF && !isSeparateDuty();
	}

	public boolean isSeparateDuty() {
		return SEPARATE_DUTIES.contains(this);
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
