package org.grassroots.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed records in batches, in id order: each batch locks the chain head, adds one row
 * to {@code audit_seal} whose hash covers the previous batch's hash and the ids and content hashes
 * of its records, and moves the head. Records are never updated. Sealers on several nodes take
 * turns on the head's lock; writers never take it.
 */
@Component
public class AuditSealer {

	static final int BATCH = 1000;

	private final AuditRepository records;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration gapWait;

	AuditSealer(AuditRepository records, TransactionTemplate transactions, Clock clock,
			@Value("${grassroots.audit.gap-wait:PT5M}") Duration gapWait) {
		this.records = records;
		this.transactions = transactions;
		this.clock = clock;
		this.gapWait = gapWait;
	}

	@Scheduled(fixedDelayString = "${grassroots.audit.seal-interval:PT1S}")
	void scheduled() {
		sealPending();
	}

	/** Seals everything committed so far, up to a missing id younger than the gap wait. */
	public void sealPending() {
		Integer sealed;
		do {
			sealed = transactions.execute(status -> sealBatch());
		}
		while (sealed != null && sealed == BATCH);
	}

	private int sealBatch() {
		AuditRepository.Head head = records.lockHead();
		if (head.legacyUnsealed()) {
			return sealLegacy(head);
		}
		List<AuditRepository.Pending> members = settled(head.sealedToId(), records.after(head.sealedToId(), BATCH));
		if (members.isEmpty()) {
			return 0;
		}
		long seal = head.lastSeal() + 1;
		long first = head.sealedToId() + 1;
		long last = members.get(members.size() - 1).id();
		// the head's algorithm, not this node's: during a rolling switch every node seals alike
		String hash = AuditHash.seal(head.digest(), head.sealHash(), seal, first, last,
				members.stream().map(m -> new AuditHash.Member(m.id(), m.contentHash())).toList());
		records.addSeal(new AuditRepository.Seal(seal, first, last, members.size(), head.sealHash(), hash, clock.instant()));
		// a batch cut short by a young gap is not full: the loop stops and a later run goes on
		return members.size();
	}

	/**
	 * The records to seal: ids run on from the last sealed one, and a missing id is passed over
	 * only once the record after it is older than the gap wait. A missing id is a transaction
	 * still running or one rolled back; sealing past a running one would leave its record inside a
	 * sealed range when it commits, where verification would take it for an insertion.
	 */
	List<AuditRepository.Pending> settled(long sealedTo, List<AuditRepository.Pending> pending) {
		Instant settledBefore = clock.instant().minus(gapWait);
		List<AuditRepository.Pending> members = new ArrayList<>(pending.size());
		long expected = sealedTo + 1;
		for (AuditRepository.Pending record : pending) {
			if (record.id() != expected && !record.occurredAt().isBefore(settledBefore)) {
				break;
			}
			members.add(record);
			expected = record.id() + 1;
		}
		return members;
	}

	/**
	 * Right after the upgrade to V45: records written before it and not yet sealed get their place
	 * in the earlier chain, as the sealer did then, so the earlier chain stays one formula per id.
	 */
	private int sealLegacy(AuditRepository.Head head) {
		List<AuditRepository.Stored> pending = records.legacyUnsealed(head.sealsFromId(), BATCH);
		if (pending.isEmpty()) {
			records.legacySealed();
			return BATCH; // go on with the batches
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
		records.sealLegacy(sealed);
		return BATCH;
	}

	/**
	 * The chain hash of a record from before V45. It links the content hash written with the
	 * record, not one computed now: a change made to the record before this point still shows.
	 */
	static String chainHash(AuditRepository.Head head, AuditRepository.Stored record, AuditEntry placed, String prev) {
		if (placed.id() < head.contentHashFromId()) {
			return AuditHash.legacy(placed, prev);
		}
		return AuditHash.link(prev, placed.seq(), placed.id(), record.contentHash());
	}

}
