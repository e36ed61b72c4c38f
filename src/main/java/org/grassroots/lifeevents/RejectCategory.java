package org.grassroots.lifeevents;

/** Why a department rejected its task; the application goes back to the resident with it. */
public enum RejectCategory {

	NOT_ELIGIBLE, MATERIAL_INVALID, INFORMATION_WRONG, OTHER;

	/** The return reason of an elevator application whose owners did not consent. */
	public static final String CONSENT_REFUSED = "CONSENT_REFUSED";

}
