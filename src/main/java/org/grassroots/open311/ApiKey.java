package org.grassroots.open311;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A client application's Open311 key as the city administrator sees it: never the key itself. */
public record ApiKey(long id, String name, String prefix, String createdBy, Instant createdAt, @Nullable Instant revokedAt,
		@Nullable Instant lastUsedAt) implements java.io.Serializable {

	public boolean active() {
		return revokedAt == null;
	}

}
