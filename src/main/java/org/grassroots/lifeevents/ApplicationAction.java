package org.grassroots.lifeevents;

/** What happened to an application as a whole. */
public enum ApplicationAction {

	FILED, MATERIAL_ANSWERED, COMPLETED, RETURNED, RATED, CONSENT_CONFIRMED, OVERDUE

}
