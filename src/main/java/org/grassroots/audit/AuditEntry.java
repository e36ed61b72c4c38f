package org.grassroots.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One record of the audit log as it is read. */
public record AuditEntry(long id, long seq, Instant occurredAt, @Nullable Long actorId, String actorName, String kind,
		String subjectType, String subjectId, @Nullable String unitPath, @Nullable String before,
		@Nullable String after) {

}
