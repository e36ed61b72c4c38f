package org.grassroots.problems;

import java.time.Instant;

/** An inbox entry for the people of a unit. */
public record Notice(long id, String kind, long problemId, String ledgerNo, String title, Instant createdAt,
		boolean read) {

}
