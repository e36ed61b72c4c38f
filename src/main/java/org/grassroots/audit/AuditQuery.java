package org.grassroots.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters for the audit log; every one optional.
 *
 * @param unitCode entries about this unit or anything below it
 */
public record AuditQuery(@Nullable String actor, @Nullable String unitCode, @Nullable String kind,
		@Nullable Instant from, @Nullable Instant to, int page) {

}
