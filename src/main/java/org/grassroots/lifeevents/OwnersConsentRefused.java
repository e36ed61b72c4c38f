package org.grassroots.lifeevents;

/** The owners' consent failed (the conditions named in the reason) or was refused after objections. */
public record OwnersConsentRefused(long applicationId, String reasonZh, String reasonEn) {

}
