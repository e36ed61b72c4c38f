package org.grassroots.audit;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Filters for the audit log, every one optional, and which page of the answer: records older than
 * {@code before} (the next page), newer than {@code after} (the previous one), or from an offset.
 *
 * @param actors usernames of the actors, any of them; empty for anyone
 * @param unitPath records about this unit or anything below it
 * @param subjects what the records are about (ledger numbers, usernames, unit codes), any of them; empty for anything
 * @param to exclusive
 */
public record AuditQuery(Set<String> actors, @Nullable String unitPath, @Nullable String kind, Set<String> subjects,
		@Nullable Instant from, @Nullable Instant to, @Nullable Long before, @Nullable Long after, int offset, int limit) {

	public AuditQuery {
		actors = Set.copyOf(actors);
		subjects = Set.copyOf(subjects);
	}

}
