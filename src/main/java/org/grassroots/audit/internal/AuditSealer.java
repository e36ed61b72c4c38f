package org.grassroots.audit.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed records their place in the hash chain, in the order they were written: each
 * batch locks the chain head, links and hashes the records, and moves the head. Sealers on
 * several nodes take turns on that lock; writers never take it.
 */
@Component
public class AuditSealer {

	static final int BATCH = 1000;

	private final AuditRepository records;

	private final TransactionTemplate transactions;

	AuditSealer(AuditRepository records, TransactionTemplate transactions) {
		this.records = records;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${grassroots.audit.seal-interval:PT1S}")
	void scheduled() {
		sealPending();
	}

	/** Seals everything committed so far. */
	public void sealPending() {
		Integer sealed;
		do {
			sealed = transactions.execute(status -> sealBatch());
		}
		while (sealed != null && sealed == BATCH);
	}

	private int sealBatch() {
		AuditRepository.Head head = records.lockHead();
		List<AuditRepository.Stored> pending = records.unsealed(BATCH);
		if (pending.isEmpty()) {
			return 0;
		}
		List<AuditRepository.Stored> sealed = new ArrayList<>(pending.size());
		long seq = head.seq();
		String prev = head.hash();
		for (AuditRepository.Stored record : pending) {
			AuditEntry entry = record.entry();
			AuditEntry placed = new AuditEntry(entry.id(), ++seq, entry.occurredAt(), entry.actorId(), entry.actorName(),
					entry.kind(), entry.subjectType(), entry.subjectId(), entry.unitPath(), entry.before(), entry.after());
			String hash = chainHash(head, record, placed, prev);
			sealed.add(new AuditRepository.Stored(placed, record.contentHash(), prev, hash));
			prev = hash;
		}
		records.seal(sealed);
		return pending.size();
	}

	/**
	 * Links the content hash written with the record, not one computed now: a change made to the
	 * record before this point then still shows at verification.
	 */
	static String chainHash(AuditRepository.Head head, AuditRepository.Stored record, AuditEntry placed, String prev) {
		if (placed.id() < head.contentHashFromId()) {
			return AuditHash.legacy(placed, prev);
		}
		return AuditHash.link(prev, placed.seq(), placed.id(), record.contentHash());
	}

}
