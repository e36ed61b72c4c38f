package org.grassroots.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.grassroots.shared.CryptoSuite;
import org.jspecify.annotations.Nullable;

/**
 * The hashes of the audit log: SHA-256, or SM3 under the national algorithms, over
 * length-prefixed fields, so that no two different records can be written as the same bytes. An
 * SM3 hash carries its prefix ({@link CryptoSuite#ofHash}), so records and batches of both kinds
 * verify in one chain. A record's content hash is computed when it is
 * written; since V45 it covers every column but the id, and the hash of the sealed batch covers
 * the ids with the content hashes, in order. Records written before V45 keep their earlier
 * formulas: a content hash with the id and a chain hash per record (V44), or one chain hash over
 * the fields (before V44).
 */
final class AuditHash {

	/** The columns the content hash covers, in order; {@code AuditChainUpgradeTests} compares them with the table. */
	static final List<String> CONTENT_COLUMNS = List.of("chain", "occurred_at", "actor_id", "actor_name", "kind",
			"subject_type", "subject_id", "unit_path", "before_state", "after_state");

	/** The columns the hash of a sealed batch covers, for each record in it. */
	static final List<String> SEALED_COLUMNS = List.of("id", "content_hash");

	/** The place of a record written before V45 in the earlier chain, covered by its chain hash. */
	static final List<String> CHAIN_COLUMNS = List.of("seq", "prev_hash", "hash");

	private AuditHash() {
	}

	/**
	 * The content hash, computed in the transaction that writes the record, before the database
	 * gives it its id: the id is covered by the hash of the batch that seals it.
	 */
	static String content(AuditEntry entry, String chain, CryptoSuite suite) {
		StringBuilder text = new StringBuilder();
		field(text, chain);
		recorded(text, entry);
		return suite.hash(text);
	}

	/** Whether a record's content matches its content hash, made with the algorithm the hash names. */
	static boolean contentMatches(AuditEntry entry, String chain, @Nullable String contentHash) {
		return content(entry, chain, CryptoSuite.ofHash(contentHash)).equals(contentHash);
	}

	/** The content hash of a record written between V44 and V45: with its id first. */
	static String contentWithId(AuditEntry entry, String chain) {
		StringBuilder text = new StringBuilder();
		field(text, String.valueOf(entry.id()));
		field(text, chain);
		recorded(text, entry);
		return sha256(text);
	}

	/**
	 * The hash of a sealed batch: the previous batch's hash, the batch's number and id range, and
	 * each record's id and content hash in id order. A record changed, removed, added, renumbered
	 * or moved within the range changes it.
	 */
	static String seal(CryptoSuite suite, String prevHash, long seal, long firstId, long lastId, List<Member> members) {
		StringBuilder text = new StringBuilder();
		field(text, prevHash);
		field(text, String.valueOf(seal));
		field(text, String.valueOf(firstId));
		field(text, String.valueOf(lastId));
		field(text, String.valueOf(members.size()));
		for (Member member : members) {
			field(text, String.valueOf(member.id()));
			field(text, member.contentHash());
		}
		return suite.hash(text);
	}

	/** A record as its batch's hash sees it. */
	record Member(long id, @Nullable String contentHash) {

	}

	/** The chain hash of a record written with a content hash: its place, its id and its content. */
	static String link(String prevHash, long seq, long id, @Nullable String contentHash) {
		StringBuilder text = new StringBuilder();
		field(text, prevHash);
		field(text, String.valueOf(seq));
		field(text, String.valueOf(id));
		field(text, contentHash);
		return sha256(text);
	}

	/**
	 * The chain hash of a record written before content hashes (V44): the fields without the id
	 * and the chain's name. Kept unchanged so that those records still verify.
	 */
	static String legacy(AuditEntry entry, String prevHash) {
		StringBuilder text = new StringBuilder();
		field(text, prevHash);
		field(text, String.valueOf(entry.seq()));
		recorded(text, entry);
		return sha256(text);
	}

	/** What happened, when, by whom and where: the fields both formulas hash, in this order. */
	private static void recorded(StringBuilder text, AuditEntry entry) {
		field(text, String.valueOf(micros(entry.occurredAt())));
		field(text, entry.actorId() == null ? null : entry.actorId().toString());
		field(text, entry.actorName());
		field(text, entry.kind());
		field(text, entry.subjectType());
		field(text, entry.subjectId());
		field(text, entry.unitPath());
		field(text, entry.before());
		field(text, entry.after());
	}

	private static long micros(Instant at) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, at);
	}

	/** The formulas from before V45 stay SHA-256. */
	private static String sha256(CharSequence text) {
		return CryptoSuite.STANDARD.hash(text);
	}

	private static void field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			text.append("-1:");
		}
		else {
			text.append(value.length()).append(':').append(value);
		}
		text.append('|');
	}

}
