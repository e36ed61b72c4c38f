package org.grassroots.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A personal access token as listed: never the secret itself, which is stored only as a hash. */
public record AccessToken(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant revokedAt) {

}
