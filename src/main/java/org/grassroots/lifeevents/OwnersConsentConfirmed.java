package org.grassroots.lifeevents;

/** The owners' vote passed and its public notice ended: the tasks after consent may start. */
public record OwnersConsentConfirmed(long applicationId) {

}
