package org.grassroots.problems;

import java.time.Instant;

/**
 * An inbox entry for the people of a unit.
 *
 * @param read whether this person has marked it read
 * @param done whether it no longer needs doing: the action it asks for was taken or is no longer
 * open to the unit (the problem closed or moved on), a newer notice of its kind replaced it, or,
 * for a notice that only tells something, it was read
 */
public record Notice(long id, String kind, long problemId, String ledgerNo, String title, Instant createdAt,
		boolean read, boolean done) {

}
