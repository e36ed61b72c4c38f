package org.grassroots.audit.internal;

import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditQuery;
import org.grassroots.audit.ChainVerification;
import org.grassroots.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Scoped search, and the walk that checks every link of the chain. */
@Component
public class AuditReader {

	private final AuditRepository records;

	AuditReader(AuditRepository records) {
		this.records = records;
	}

	public List<AuditEntry> search(AuditQuery query, DataScope scope) {
		return records.search(query, scope);
	}

	public ChainVerification verify() {
		var state = new Object() {
			String prev = GENESIS;
			long expectedSeq = 1;
			long checked;
			@Nullable ChainVerification broken;
		};
		// the head first: records sealed while the walk runs lie beyond it and wait for the next check
		AuditRepository.Head head = records.head();
		records.walk(head.seq(), stored -> {
			if (state.broken != null) {
				return;
			}
			AuditEntry entry = stored.entry();
			String reason = null;
			if (entry.seq() != state.expectedSeq) {
				reason = "missing record before seq " + entry.seq();
			}
			else if (!stored.prevHash().equals(state.prev)) {
				reason = "link to the previous record does not match";
			}
			else {
				reason = contentProblem(head, stored);
			}
			if (reason != null) {
				state.broken = new ChainVerification(false, state.checked, entry.seq(), entry.id(), reason);
				return;
			}
			state.checked++;
			state.expectedSeq++;
			state.prev = stored.hash();
		});
		if (state.broken != null) {
			return state.broken;
		}
		if (head.seq() != state.checked || !head.hash().equals(state.prev)) {
			return new ChainVerification(false, state.checked, state.checked + 1, null,
					"the chain ends before its recorded head: records were removed");
		}
		return new ChainVerification(true, state.checked, null, null, null);
	}

	/** Why a record's content or chain hash does not match, or null when both do. */
	static @Nullable String contentProblem(AuditRepository.Head head, AuditRepository.Stored stored) {
		AuditEntry entry = stored.entry();
		if (entry.id() < head.contentHashFromId()) {
			return AuditHash.legacy(entry, stored.prevHash()).equals(stored.hash()) ? null
					: "record content does not match its hash";
		}
		if (!AuditHash.content(entry, AuditRepository.CHAIN).equals(stored.contentHash())) {
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
