package org.grassroots.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditQuery;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit tables: records written once without a lock, batches sealed under the chain head's
 * row lock, scoped reads, and the walks that verify.
 */
@Repository
public class AuditRepository {

	static final String CHAIN = "main";

	private static final String SELECT = """
			select id, seq, occurred_at, actor_id, actor_name, kind, subject_type, subject_id, unit_path,
			       before_state, after_state, content_hash, prev_hash, hash
			from audit_record
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	private static final String HEAD = "select seq, hash, content_hash_from_id, seals_from_id, last_seal, sealed_to_id,"
			+ " seal_hash, legacy_unsealed, archived_to_seal, archived_to_id, archived_hash, digest from audit_chain_head"
			+ " where chain = :chain";

	/** The ends of both chains, locked until the transaction ends so sealers line up. */
	Head lockHead() {
		return jdbc.sql(HEAD + " for update").param("chain", CHAIN).query(AuditRepository::headRow).single();
	}

	Head head() {
		return jdbc.sql(HEAD).param("chain", CHAIN).query(AuditRepository::headRow).single();
	}

	private static Head headRow(ResultSet rs, int row) throws SQLException {
		return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
				rs.getString(7), rs.getBoolean(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
				CryptoSuite.named(rs.getString(12)));
	}

	/**
	 * Writes a record with its content hash, once: one statement, the id from the column's default
	 * (the sequence), no lock, so audited writes run side by side.
	 */
	void insert(AuditEntry entry, String contentHash) {
		jdbc.sql("""
				insert into audit_record (chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id,
				                          unit_path, before_state, after_state, content_hash)
				values (:chain, :at, :actorId, :actorName, :kind, :subjectType, :subjectId, :unitPath, :before, :after,
				        :contentHash)
				""")
			.param("contentHash", contentHash)
			.param("chain", CHAIN)
			.param("at", Times.utc(entry.occurredAt()))
			.param("actorId", entry.actorId())
			.param("actorName", entry.actorName())
			.param("kind", entry.kind())
			.param("subjectType", entry.subjectType())
			.param("subjectId", entry.subjectId())
			.param("unitPath", entry.unitPath())
			.param("before", entry.before())
			.param("after", entry.after())
			.update();
	}

	/** Records from before V45 not yet in the earlier chain, oldest first: only right after the upgrade. */
	List<Stored> legacyUnsealed(long below, int limit) {
		return jdbc.sql(SELECT + " where chain = :chain and seq is null and id < :below order by id fetch first " + limit
				+ " rows only")
			.param("chain", CHAIN)
			.param("below", below)
			.query(AuditRepository::stored)
			.list();
	}

	/** Gives records from before V45 their place in the earlier chain, as the sealer did then, and moves its end. */
	void sealLegacy(List<Stored> sealed) {
		batch.batchUpdate("update audit_record set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
				sealed, 500, (ps, stored) -> {
					ps.setLong(1, stored.entry().seq());
					ps.setString(2, stored.prevHash());
					ps.setString(3, stored.hash());
					ps.setLong(4, stored.entry().id());
				});
		Stored last = sealed.get(sealed.size() - 1);
		jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash,"
				+ " seal_hash = case when last_seal = 0 then :hash else seal_hash end where chain = :chain")
			.param("seq", last.entry().seq())
			.param("hash", last.hash())
			.param("chain", CHAIN)
			.update();
	}

	/** From now on batches are sealed with this suite's hash. */
	void switchDigest(CryptoSuite suite) {
		jdbc.sql("update audit_chain_head set digest = :digest where chain = :chain")
			.param("digest", suite.setting())
			.param("chain", CHAIN)
			.update();
	}

	/** The earlier chain is complete: no record from before V45 is left without its place. */
	void legacySealed() {
		jdbc.sql("update audit_chain_head set legacy_unsealed = false where chain = :chain").param("chain", CHAIN).update();
	}

	/** The ids, times and content hashes of committed records after an id, in id order. */
	List<Pending> after(long id, int limit) {
		return jdbc.sql("select id, occurred_at, content_hash from audit_record where chain = :chain and id > :id"
				+ " order by id fetch first " + limit + " rows only")
			.param("chain", CHAIN)
			.param("id", id)
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3)))
			.list();
	}

	/** Adds a sealed batch and moves the head to it. */
	void addSeal(Seal seal) {
		jdbc.sql("""
				insert into audit_seal (id, chain, first_id, last_id, record_count, prev_hash, hash, sealed_at)
				values (:id, :chain, :first, :last, :count, :prev, :hash, :at)
				""")
			.param("id", seal.id())
			.param("chain", CHAIN)
			.param("first", seal.firstId())
			.param("last", seal.lastId())
			.param("count", seal.count())
			.param("prev", seal.prevHash())
			.param("hash", seal.hash())
			.param("at", Times.utc(seal.sealedAt()))
			.update();
		jdbc.sql("update audit_chain_head set last_seal = :seal, sealed_to_id = :last, seal_hash = :hash"
				+ " where chain = :chain")
			.param("seal", seal.id())
			.param("last", seal.lastId())
			.param("hash", seal.hash())
			.param("chain", CHAIN)
			.update();
	}

	/** Seals in order, after a number, up to a number, a page at a time. */
	List<Seal> seals(long after, long last, int limit) {
		return jdbc.sql("select id, first_id, last_id, record_count, prev_hash, hash, sealed_at from audit_seal"
				+ " where chain = :chain and id > :after and id <= :last order by id fetch first " + limit + " rows only")
			.param("chain", CHAIN)
			.param("after", after)
			.param("last", last)
			.query((rs, row) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Where the last archive ends: its last batch and that batch's hash. */
	Optional<ArchiveEnd> lastArchive() {
		return jdbc.sql("select to_seal, head_hash from audit_archive order by id desc fetch first 1 rows only")
			.query((rs, row) -> new ArchiveEnd(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	record ArchiveEnd(long toSeal, String headHash) {

	}

	/** The records with ids in a range, in id order: one sealed batch, or a page of the unsealed ones. */
	List<Stored> between(long firstId, long lastId, int limit) {
		return jdbc.sql(SELECT + " where chain = :chain and id >= :first and id <= :last order by id fetch first " + limit
				+ " rows only")
			.param("chain", CHAIN)
			.param("first", firstId)
			.param("last", lastId)
			.query(AuditRepository::stored)
			.list();
	}

	/** A record from before V45 with its stored hashes; the content hash is null for records written before V44. */
	record Stored(AuditEntry entry, @Nullable String contentHash, @Nullable String prevHash, @Nullable String hash) {

	}

	/** What the sealer reads of a committed record. */
	record Pending(long id, java.time.Instant occurredAt, @Nullable String contentHash) {

	}

	/** A sealed batch: the ids after the previous batch up to {@code lastId}, {@code count} records in all. */
	record Seal(long id, long firstId, long lastId, int count, String prevHash, String hash,
			java.time.Instant sealedAt) {

	}

	/** Walks the earlier chain in order up to a sequence number, a page at a time, so a long log never sits in memory at once. */
	void walk(long lastSeq, Consumer<Stored> visitor) {
		long after = 0;
		while (true) {
			List<Stored> page = jdbc.sql(SELECT + " where chain = :chain and seq > :after and seq <= :last order by seq fetch first 1000 rows only")
				.param("chain", CHAIN)
				.param("last", lastSeq)
				.param("after", after)
				.query(AuditRepository::stored)
				.list();
			page.forEach(visitor);
			if (page.size() < 1000) {
				return;
			}
			after = page.get(page.size() - 1).entry().seq();
		}
	}

	/**
	 * Records in scope matching the query, newest first. Each filter has an index that runs in id
	 * order (V28), so a page reads about as many rows as it shows; {@code after} reads upwards and
	 * turns the rows round.
	 */
	List<AuditEntry> search(AuditQuery query, DataScope scope) {
		SqlCondition inScope = scope.on("unit_path");
		List<String> where = new ArrayList<>(List.of(inScope.sql()));
		Map<String, Object> params = new LinkedHashMap<>(inScope.params());
		if (!query.actors().isEmpty()) {
			where.add("actor_name in (:actors)");
			params.put("actors", List.copyOf(query.actors()));
		}
		if (query.unitPath() != null) {
			// a unit and everything below it: one prefix of the path (unit codes hold no LIKE wildcards)
			where.add("unit_path like :unitPrefix");
			params.put("unitPrefix", query.unitPath() + "%");
		}
		if (query.kind() != null) {
			where.add("kind = :kind");
			params.put("kind", query.kind());
		}
		if (!query.subjects().isEmpty()) {
			where.add("subject_id in (:subjects)");
			params.put("subjects", List.copyOf(query.subjects()));
		}
		if (query.from() != null) {
			where.add("occurred_at >= :from");
			params.put("from", Times.utc(query.from()));
		}
		if (query.to() != null) {
			where.add("occurred_at < :to");
			params.put("to", Times.utc(query.to()));
		}
		boolean upwards = query.before() == null && query.after() != null;
		if (query.before() != null) {
			where.add("id < :before");
			params.put("before", query.before());
		}
		else if (query.after() != null) {
			where.add("id > :after");
			params.put("after", query.after());
		}
		params.put("offset", Math.max(query.offset(), 0));
		params.put("limit", query.limit());
		List<AuditEntry> found = jdbc.sql(SELECT + " where chain = '" + CHAIN + "' and " + String.join(" and ", where)
				+ " order by id " + (upwards ? "asc" : "desc") + " offset :offset rows fetch next :limit rows only")
			.params(params)
			.query(AuditRepository::stored)
			.list()
			.stream()
			.map(Stored::entry)
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
		if (upwards) {
			java.util.Collections.reverse(found);
		}
		return found;
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		AuditEntry entry = new AuditEntry(rs.getLong("id"), rs.getLong("seq"), // 0 unless in the earlier chain
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", Long.class),
				rs.getString("actor_name"), rs.getString("kind"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("unit_path"), rs.getString("before_state"), rs.getString("after_state"));
		return new Stored(entry, rs.getString("content_hash"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/**
	 * The ends of the chains. {@code seq} and {@code hash} end the earlier chain, of the records
	 * below {@code sealsFromId} (written before V45); of those, ids below {@code contentHashFromId}
	 * were written before V44 and are chained with {@link AuditHash#legacy}. {@code lastSeal},
	 * {@code sealedToId} and {@code sealHash} end the chain of sealed batches, which links to the
	 * earlier chain's end. {@code legacyUnsealed}: records from before V45 still wait for their place.
	 * {@code archivedToSeal} (0: none), {@code archivedToId} and {@code archivedHash}: where the
	 * archived part ends; the earlier chain is then archived too.
	 */
	record Head(long seq, String hash, long contentHashFromId, long sealsFromId, long lastSeal, long sealedToId,
			String sealHash, boolean legacyUnsealed, long archivedToSeal, long archivedToId, @Nullable String archivedHash,
			CryptoSuite digest) {

		boolean archived() {
			return archivedToSeal > 0;
		}

	}

}
