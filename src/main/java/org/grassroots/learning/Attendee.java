package org.grassroots.learning;

/** A member a session's host may mark present. */
public record Attendee(long accountId, String displayName, String unitPath) {

}
