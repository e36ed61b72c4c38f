package org.grassroots.lifeevents;

/**
 * An elevator application was filed and needs its building's owners' consent before the planning
 * and construction tasks start; published in the transaction that files it.
 */
public record ConsentRequired(long applicationId, String referenceNumber, long communityUnitId, String buildingAddress) {

}
