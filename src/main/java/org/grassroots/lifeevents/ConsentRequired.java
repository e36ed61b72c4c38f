package org.grassroots.lifeevents;

/**
 * An application that needs the owners' consent (Civil Code art. 278) was filed: the consent part
 * registers the building's vote. Published in the filing's transaction; not audited itself.
 */
public record ConsentRequired(long applicationId, String referenceNumber, long communityUnitId, String buildingAddress) {

}
