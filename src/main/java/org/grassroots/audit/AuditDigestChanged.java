package org.grassroots.audit;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain goes on with other algorithms: the first record of the new segment, naming the
 * algorithms before and after and the last sealed batch with its hash, to which the next batch links.
 *
 * @param from the algorithms batches were sealed with ({@code standard} or {@code national})
 * @param to the algorithms batches are sealed with from now on
 * @param lastSeal the number of the last batch sealed before
 * @param headHash that batch's hash
 */
public record AuditDigestChanged(String from, String to, long lastSeal, String headHash) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "AUDIT_DIGEST_CHANGED";
	}

	@Override
	public String subjectType() {
		return "AUDIT_CHAIN";
	}

	@Override
	public String subjectId() {
		return to;
	}

	@Override
	public @Nullable String unitPath() {
		return null;
	}

	@Override
	public Object after() {
		return this;
	}

	@Override
	public String actorName() {
		return "system";
	}

}
