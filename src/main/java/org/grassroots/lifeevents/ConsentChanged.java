package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * An owners' consent, one of its owners or objections changed; the audit module records it. The
 * snapshots are a {@link Consent}, a {@link ConsentOwner} or a {@link ConsentObjection} as the
 * action concerns.
 *
 * @param actor who acted when no one is signed in: {@code resident} for an owner's link or a
 * public objection; null (the system) for the notice job
 */
public record ConsentChanged(ConsentAction action, long consentId, String unitPath, @Nullable Object before,
		@Nullable Object after, @Nullable String actor) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "CONSENT_" + action.name();
	}

	@Override
	public String subjectType() {
		return "ELEVATOR_CONSENT";
	}

	@Override
	public String subjectId() {
		return String.valueOf(consentId);
	}

	@Override
	public @Nullable String actorName() {
		return actor;
	}

}
