package org.grassroots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.grassroots.audit.AuditEntry;
import org.grassroots.shared.CryptoSuite;
import org.junit.jupiter.api.Test;

class AuditHashTests {

	static final AuditEntry ENTRY = new AuditEntry(31, 7, Instant.ofEpochSecond(1764547200, 1000), 42L, "city.admin",
			"UNIT_RENAMED", "UNIT", "500108002", "/500000/500108/500108002/", "{\"nameZh\":\"旧名\"}", null);

	@Test
	void theFormulaOfRecordsWrittenBeforeContentHashesIsUnchanged() {
		// computed independently (Python, hashlib) from the formula docs/audit.md gives for them
		assertThat(AuditHash.legacy(ENTRY, AuditReader.GENESIS))
			.isEqualTo("6288e600ab20aba9244144741b6706416d05fd9d110e25f8dabb8efd926e83c2");
	}

	@Test
	void aChangeToAnyWrittenColumnChangesTheContentHash() {
		List<UnaryOperator<AuditEntry>> changes = List.of(
				e -> copy(e, e.id(), e.occurredAt().plusNanos(1000), e.actorId(), e.actorName(), e.kind(),
						e.subjectType(), e.subjectId(), e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), null, e.actorName(), e.kind(), e.subjectType(), e.subjectId(),
						e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), "nanan.admin", e.kind(), e.subjectType(),
						e.subjectId(), e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), "UNIT_MOVED", e.subjectType(),
						e.subjectId(), e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.kind(), "ACCOUNT", e.subjectId(),
						e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.kind(), e.subjectType(),
						"500108003", e.unitPath(), e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.kind(), e.subjectType(),
						e.subjectId(), null, e.before(), e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.kind(), e.subjectType(),
						e.subjectId(), e.unitPath(), null, e.after()),
				e -> copy(e, e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.kind(), e.subjectType(),
						e.subjectId(), e.unitPath(), e.before(), "{}"));
		Set<String> hashes = new HashSet<>();
		hashes.add(AuditHash.content(ENTRY, "main", CryptoSuite.STANDARD));
		hashes.add(AuditHash.content(ENTRY, "other", CryptoSuite.STANDARD));
		changes.forEach(change -> hashes.add(AuditHash.content(change.apply(ENTRY), "main", CryptoSuite.STANDARD)));

		assertThat(hashes).as("every change gives a hash of its own").hasSize(changes.size() + 2);
		AuditEntry elsewhere = copy(ENTRY, 32, ENTRY.occurredAt(), 42L, ENTRY.actorName(), ENTRY.kind(),
				ENTRY.subjectType(), ENTRY.subjectId(), ENTRY.unitPath(), ENTRY.before(), ENTRY.after());
		assertThat(AuditHash.content(ENTRY, "main", CryptoSuite.STANDARD)).as("the id and the place are the seal's, not content")
			.isEqualTo(AuditHash.content(elsewhere, "main", CryptoSuite.STANDARD));
		assertThat(AuditHash.contentWithId(ENTRY, "main")).as("records from V44 to V45 hash their id")
			.isNotEqualTo(AuditHash.contentWithId(elsewhere, "main"));
	}

	@Test
	void theSealCoversItsLinkItsRangeAndEachRecordsIdAndContentInOrder() {
		var a = new AuditHash.Member(5, "aa");
		var b = new AuditHash.Member(6, "bb");
		String seal = AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(a, b));
		assertThat(List.of(AuditHash.seal(CryptoSuite.STANDARD, "1".repeat(64), 2, 5, 6, List.of(a, b)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 3, 5, 6, List.of(a, b)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 4, 6, List.of(a, b)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 7, List.of(a, b)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(a)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(b, a)),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(new AuditHash.Member(5, "bb"), new AuditHash.Member(6, "aa"))),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(a, new AuditHash.Member(7, "bb"))),
				AuditHash.seal(CryptoSuite.STANDARD, AuditReader.GENESIS, 2, 5, 6, List.of(a, new AuditHash.Member(6, "bc")))))
			.doesNotContain(seal)
			.doesNotHaveDuplicates();
	}

	@Test
	void theChainHashCoversItsPlaceTheIdAndTheContent() {
		String link = AuditHash.link(AuditReader.GENESIS, 7, 31, "ab");
		assertThat(List.of(AuditHash.link("1".repeat(64), 7, 31, "ab"), AuditHash.link(AuditReader.GENESIS, 8, 31, "ab"),
				AuditHash.link(AuditReader.GENESIS, 7, 32, "ab"), AuditHash.link(AuditReader.GENESIS, 7, 31, "ac"),
				AuditHash.link(AuditReader.GENESIS, 7, 31, null)))
			.doesNotContain(link)
			.doesNotHaveDuplicates();
	}

	private static AuditEntry copy(AuditEntry e, long id, Instant at, Long actorId, String actorName, String kind,
			String subjectType, String subjectId, String unitPath, String before, String after) {
		return new AuditEntry(id, e.seq() + 1, at, actorId, actorName, kind, subjectType, subjectId, unitPath, before,
				after);
	}

}
