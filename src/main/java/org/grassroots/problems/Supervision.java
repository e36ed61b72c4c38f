package org.grassroots.problems;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An upper unit's formal push on a problem; open until resolved or the problem closes. */
public record Supervision(long id, long problemId, String unitName, String reason, boolean automatic, String issuedBy,
		Instant issuedAt, @Nullable Instant resolvedAt) {

}
