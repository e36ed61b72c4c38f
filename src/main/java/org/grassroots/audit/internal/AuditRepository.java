package org.grassroots.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditQuery;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit tables: appends without a lock, sealing under the chain head's row lock, scoped reads, and a streaming walk. */
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

	/** The last sequence number and hash, locked until the transaction ends so sealers line up. */
	Head lockHead() {
		return jdbc.sql("select seq, hash, content_hash_from_id from audit_chain_head where chain = :chain for update")
			.param("chain", CHAIN)
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.single();
	}

	Head head() {
		return jdbc.sql("select seq, hash, content_hash_from_id from audit_chain_head where chain = :chain")
			.param("chain", CHAIN)
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.single();
	}

	/**
	 * The id of the next record, taken before it is written so that its content hash can cover
	 * it. A sequence takes no lock that lasts until commit, so writers still run side by side.
	 */
	long nextId() {
		return jdbc.sql("select nextval('audit_record_ids')").query(Long.class).single();
	}

	/** Writes a record with its content hash and without its place in the chain: no lock, so audited writes run side by side. */
	void insert(AuditEntry entry, String contentHash) {
		jdbc.sql("""
				insert into audit_record (id, chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id,
				                          unit_path, before_state, after_state, content_hash)
				values (:id, :chain, :at, :actorId, :actorName, :kind, :subjectType, :subjectId, :unitPath, :before, :after,
				        :contentHash)
				""")
			.param("id", entry.id())
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

	/** Committed records not yet in the chain, oldest first. */
	List<Stored> unsealed(int limit) {
		return jdbc.sql(SELECT + " where chain = :chain and seq is null order by id fetch first " + limit + " rows only")
			.param("chain", CHAIN)
			.query(AuditRepository::stored)
			.list();
	}

	/** Gives records their place in the chain and moves the head past them, in one batch. */
	void seal(List<Stored> sealed) {
		batch.batchUpdate("update audit_record set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
				sealed, 500, (ps, stored) -> {
					ps.setLong(1, stored.entry().seq());
					ps.setString(2, stored.prevHash());
					ps.setString(3, stored.hash());
					ps.setLong(4, stored.entry().id());
				});
		Stored last = sealed.get(sealed.size() - 1);
		jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where chain = :chain")
			.param("seq", last.entry().seq())
			.param("hash", last.hash())
			.param("chain", CHAIN)
			.update();
	}

	/** A record with its stored hashes; the content hash is null for records written before V44. */
	record Stored(AuditEntry entry, @Nullable String contentHash, String prevHash, String hash) {

	}

	/** Walks the chain in order up to a sequence number, a page at a time, so a long log never sits in memory at once. */
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
		AuditEntry entry = new AuditEntry(rs.getLong("id"), rs.getLong("seq"), // 0 while not sealed
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", Long.class),
				rs.getString("actor_name"), rs.getString("kind"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("unit_path"), rs.getString("before_state"), rs.getString("after_state"));
		return new Stored(entry, rs.getString("content_hash"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/**
	 * The end of the chain, and the first id written with a content hash: records with lower ids
	 * were written before V44 and are chained with {@link AuditHash#legacy}.
	 */
	record Head(long seq, String hash, long contentHashFromId) {

	}

}
