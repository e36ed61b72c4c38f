package org.grassroots.lifeevents;

/** The owners' vote failed (or an objection stood): the application is returned with this reason. */
public record OwnersConsentRefused(long applicationId, String reasonZh, String reasonEn) {

}
