package org.grassroots.shared;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that is a state change worth an audit record. Published inside the command's
 * transaction; the audit module writes the record in that same transaction.
 */
public interface AuditableEvent {

	/** What happened, e.g. {@code UNIT_MOVED}. */
	String auditKind();

	String subjectType();

	String subjectId();

	/** The materialized path of the unit the change belongs to; decides who may read the record. */
	@Nullable String unitPath();

	/** The state before, or null for a creation; serialized as JSON. */
	default @Nullable Object before() {
		return null;
	}

	/** The state after, or null for a removal; serialized as JSON. */
	default @Nullable Object after() {
		return null;
	}

	/** Who did it when no one is signed in (a login attempt names the account tried). */
	default @Nullable String actorName() {
		return null;
	}

}
