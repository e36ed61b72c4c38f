package org.grassroots.audit.internal;

import org.grassroots.audit.AuditDigestChanged;
import org.grassroots.shared.CryptoSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a new segment of the audit chain when the configured algorithm differs from the one the
 * head seals with: the first node started with the new setting writes {@code AUDIT_DIGEST_CHANGED},
 * naming the old algorithm, the last sealed batch and its hash, and moves the head to the new
 * algorithm, under the head's lock so that one node does it once. The next batch links to the old
 * head's hash, so the whole chain verifies across the segment.
 */
@Component
class AuditDigestSwitch {

	private static final Logger log = LoggerFactory.getLogger(AuditDigestSwitch.class);

	private final AuditRepository records;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final CryptoSuite suite;

	AuditDigestSwitch(AuditRepository records, TransactionTemplate transactions, ApplicationEventPublisher events,
			CryptoSuite suite) {
		this.records = records;
		this.transactions = transactions;
		this.events = events;
		this.suite = suite;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		switchIfChanged();
	}

	/** True when this call started a new segment. */
	boolean switchIfChanged() {
		Boolean switched = transactions.execute(status -> {
			AuditRepository.Head head = records.lockHead();
			if (head.digest() == suite) {
				return false;
			}
			events.publishEvent(new AuditDigestChanged(head.digest().setting(), suite.setting(), head.lastSeal(), head.sealHash()));
			records.switchDigest(suite);
			return true;
		});
		if (Boolean.TRUE.equals(switched)) {
			log.warn("The audit chain now seals with the {} algorithms, from after its head {}", suite.setting(),
					records.head().lastSeal());
		}
		return Boolean.TRUE.equals(switched);
	}

}
