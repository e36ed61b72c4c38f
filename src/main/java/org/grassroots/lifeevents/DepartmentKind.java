package org.grassroots.lifeevents;

/**
 * The kind of department a task goes to; each district maps a kind to one of its department units.
 * COMMUNITY is the application's own community office.
 */
public enum DepartmentKind {

	HEALTH, PUBLIC_SECURITY, HUMAN_RESOURCES, MEDICAL_INSURANCE, EDUCATION, CIVIL_AFFAIRS, HOUSING, PLANNING,
	MARKET_SUPERVISION, URBAN_MANAGEMENT, COMMUNITY

}
