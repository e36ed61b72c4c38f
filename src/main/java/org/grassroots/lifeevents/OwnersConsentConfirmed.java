package org.grassroots.lifeevents;

/** The owners' consent met article 278 and its public notice passed: the application's tasks may start. */
public record OwnersConsentConfirmed(long applicationId) {

}
