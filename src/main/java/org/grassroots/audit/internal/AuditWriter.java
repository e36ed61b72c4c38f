package org.grassroots.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.grassroots.audit.AuditEntry;
import org.grassroots.shared.AuditableEvent;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a record for every auditable event, synchronously, inside the transaction that made
 * the change: if the change rolls back, so does its record. It is one insert, never updated: its
 * content hash, over every column but the id, is written with it, so a change to its content is
 * detectable from the moment it commits; its id is covered by the batch that {@link AuditSealer}
 * seals shortly after it commits, so writers never wait on each other.
 */
@Component
class AuditWriter {

	private final AuditRepository records;

	private final JsonMapper json;

	private final Clock clock;

	private final CryptoSuite suite;

	AuditWriter(AuditRepository records, JsonMapper json, Clock clock, CryptoSuite suite) {
		this.records = records;
		this.json = json;
		this.clock = clock;
		this.suite = suite;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AuditableEvent event) {
		CurrentUser actor = CurrentUser.current();
		AuditEntry entry = new AuditEntry(0, 0, clock.instant().truncatedTo(ChronoUnit.MICROS),
				actor == null ? null : actor.accountId(), actorName(actor, event), event.auditKind(), event.subjectType(),
				event.subjectId(), event.unitPath(), toJson(event.before()), toJson(event.after()));
		records.insert(entry, AuditHash.content(entry, AuditRepository.CHAIN, suite));
	}

	private static String actorName(@Nullable CurrentUser actor, AuditableEvent event) {
		if (actor != null) {
			return actor.getUsername();
		}
		return event.actorName() == null ? "system" : event.actorName();
	}

	private @Nullable String toJson(@Nullable Object state) {
		return state == null ? null : json.writeValueAsString(state);
	}

}
