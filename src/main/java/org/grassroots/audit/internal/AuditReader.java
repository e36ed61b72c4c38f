package org.grassroots.audit.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditQuery;
import org.grassroots.audit.ChainVerification;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Scoped search, and the verification: the earlier chain record by record, then every sealed
 * batch, then the content hash of each record not yet sealed.
 */
@Component
public class AuditReader {

	private static final int PAGE = 1000;

	private final AuditRepository records;

	AuditReader(AuditRepository records) {
		this.records = records;
	}

	public List<AuditEntry> search(AuditQuery query, DataScope scope) {
		return records.search(query, scope);
	}

	public ChainVerification verify() {
		// the head first: records sealed while the walk runs lie beyond it and wait for the next check
		AuditRepository.Head head = records.head();
		Walk walk = new Walk();
		if (!head.archived()) {
			verifyEarlierChain(head, walk);
		}
		else {
			// the earlier chain, older than every batch, went into the first archive
			verifyArchiveEnd(head, walk);
		}
		if (walk.broken == null) {
			verifySeals(head, walk);
		}
		if (walk.broken == null) {
			verifyUnsealed(head, walk);
		}
		return walk.broken != null ? walk.broken : new ChainVerification(true, walk.checked, null, null, null, null);
	}

	/** How far the verification got, and the first break. */
	private static final class Walk {

		long checked;

		@Nullable ChainVerification broken;

		void brokenAt(@Nullable Long seq, @Nullable Long seal, @Nullable Long id, String reason) {
			broken = new ChainVerification(false, checked, seq, seal, id, reason);
		}

	}

	/** Records written before V45, in their chain by seq, up to the earlier chain's end. */
	private void verifyEarlierChain(AuditRepository.Head head, Walk walk) {
		var state = new Object() {
			String prev = GENESIS;
			long expectedSeq = 1;
		};
		records.walk(head.seq(), stored -> {
			if (walk.broken != null) {
				return;
			}
			AuditEntry entry = stored.entry();
			String reason = null;
			if (entry.seq() != state.expectedSeq) {
				reason = "missing record before seq " + entry.seq();
			}
			else if (!state.prev.equals(stored.prevHash())) {
				reason = "link to the previous record does not match";
			}
			else if (entry.id() >= head.sealsFromId()) {
				reason = "record written after the switch to sealed batches has a place in the earlier chain";
			}
			else {
				reason = contentProblem(head, stored);
			}
			if (reason != null) {
				walk.brokenAt(entry.seq(), null, entry.id(), reason);
				return;
			}
			walk.checked++;
			state.expectedSeq++;
			state.prev = stored.hash();
		});
		if (walk.broken == null && (head.seq() != state.expectedSeq - 1 || !head.hash().equals(state.prev))) {
			walk.brokenAt(state.expectedSeq, null, null, "the chain ends before its recorded head: records were removed");
		}
	}

	/** The kept chain starts where the last archive's row says it ends. */
	private void verifyArchiveEnd(AuditRepository.Head head, Walk walk) {
		var end = records.lastArchive();
		if (end.isEmpty() || end.get().toSeal() != head.archivedToSeal() || !end.get().headHash().equals(head.archivedHash())) {
			walk.brokenAt(null, head.archivedToSeal(), null, "the kept batches do not start where the last archive ends");
		}
	}

	/** Each sealed batch: its link, its id range right after the previous one, and its records. */
	private void verifySeals(AuditRepository.Head head, Walk walk) {
		// the kept batches start where the archives end, linked to the last archived batch's hash
		String prev = head.archived() ? head.archivedHash() : head.hash();
		long expectedSeal = head.archivedToSeal() + 1;
		long nextId = head.archived() ? head.archivedToId() + 1 : head.sealsFromId();
		while (walk.broken == null && expectedSeal <= head.lastSeal()) {
			List<AuditRepository.Seal> page = records.seals(expectedSeal - 1, head.lastSeal(), PAGE);
			if (page.isEmpty()) {
				break;
			}
			for (AuditRepository.Seal seal : page) {
				String reason = sealProblem(seal, expectedSeal, prev, nextId);
				if (reason != null) {
					walk.brokenAt(null, seal.id(), null, reason);
					return;
				}
				verifyBatch(seal, walk);
				if (walk.broken != null) {
					return;
				}
				prev = seal.hash();
				nextId = seal.lastId() + 1;
				expectedSeal++;
			}
		}
		if (walk.broken == null && (expectedSeal - 1 != head.lastSeal() || !prev.equals(head.sealHash())
				|| nextId - 1 != head.sealedToId())) {
			walk.brokenAt(null, expectedSeal, null, "the seals end before their recorded head: batches were removed");
		}
	}

	private static @Nullable String sealProblem(AuditRepository.Seal seal, long expected, String prev, long nextId) {
		if (seal.id() != expected) {
			return "missing batch before seal " + seal.id();
		}
		if (!seal.prevHash().equals(prev)) {
			return "link to the previous batch does not match";
		}
		if (seal.firstId() != nextId || seal.lastId() < seal.firstId()) {
			return "batch does not start where the previous one ends";
		}
		return null;
	}

	/**
	 * The records in a batch's id range: each content hash, then the batch's hash over ids and
	 * content hashes, which no longer matches if a record was removed, added, renumbered or moved.
	 */
	private void verifyBatch(AuditRepository.Seal seal, Walk walk) {
		// one more than a batch holds, so an inserted record is seen
		List<AuditRepository.Stored> batch = records.between(seal.firstId(), seal.lastId(), AuditSealer.BATCH + 1);
		List<AuditHash.Member> members = new ArrayList<>(batch.size());
		for (AuditRepository.Stored stored : batch) {
			if (!AuditHash.contentMatches(stored.entry(), AuditRepository.CHAIN, stored.contentHash())) {
				walk.brokenAt(null, seal.id(), stored.entry().id(), "record content does not match its content hash");
				return;
			}
			members.add(new AuditHash.Member(stored.entry().id(), stored.contentHash()));
		}
		if (members.size() != seal.count() || !AuditHash
			.seal(CryptoSuite.ofHash(seal.hash()), seal.prevHash(), seal.id(), seal.firstId(), seal.lastId(), members)
			.equals(seal.hash())) {
			walk.brokenAt(null, seal.id(), null,
					"records of the batch do not match its seal: removed, added, renumbered or reordered");
			return;
		}
		walk.checked += members.size();
	}

	/** Records after the last batch: not sealed yet, so only their content hashes can be checked. */
	private void verifyUnsealed(AuditRepository.Head head, Walk walk) {
		long after = head.sealedToId();
		while (true) {
			List<AuditRepository.Stored> page = records.between(after + 1, Long.MAX_VALUE, PAGE);
			for (AuditRepository.Stored stored : page) {
				if (!AuditHash.contentMatches(stored.entry(), AuditRepository.CHAIN, stored.contentHash())) {
					walk.brokenAt(null, null, stored.entry().id(), "record content does not match its content hash");
					return;
				}
				walk.checked++;
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).entry().id();
		}
	}

	/** Why a record of the earlier chain does not match its content or chain hash, or null when both do. */
	static @Nullable String contentProblem(AuditRepository.Head head, AuditRepository.Stored stored) {
		AuditEntry entry = stored.entry();
		if (entry.id() < head.contentHashFromId()) {
			return AuditHash.legacy(entry, stored.prevHash()).equals(stored.hash()) ? null
					: "record content does not match its hash";
		}
		if (!AuditHash.contentWithId(entry, AuditRepository.CHAIN).equals(stored.contentHash())) {
			// a renumbered record fails here too: its id is part of the content
			return "record content or id does not match its content hash";
		}
		if (!AuditHash.link(stored.prevHash(), entry.seq(), entry.id(), stored.contentHash()).equals(stored.hash())) {
			return "record does not match its chain hash";
		}
		return null;
	}

	static final String GENESIS = "0".repeat(64);

}
