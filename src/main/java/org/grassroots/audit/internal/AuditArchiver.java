package org.grassroots.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.grassroots.audit.AuditArchive;
import org.grassroots.audit.AuditArchived;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moves whole sealed batches whose every record is older than a cutoff into a gzipped file of
 * JSON lines (the archive, then each batch, then each record with every column), and removes them
 * from the database in the same transaction as the head's new start and the archive's row. Only
 * whole batches from the oldest on: the chain kept then starts at a batch whose previous hash is
 * the archive's head, so verification still proves everything kept.
 */
@Component
public class AuditArchiver {

	private final JdbcClient jdbc;

	private final JdbcTemplate rows;

	private final AuditRepository records;

	private final JsonMapper json;

	private final Path directory;

	private final ApplicationEventPublisher events;

	AuditArchiver(JdbcClient jdbc, JdbcTemplate rows, AuditRepository records, JsonMapper json,
			@Value("${grassroots.audit.archive-dir}") Path directory, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.rows = rows;
		this.records = records;
		this.json = json;
		this.directory = directory;
	}

	/** One transaction: the head stays locked until the removal, the archive's row and its audit record commit. */
	@Transactional
	public Optional<AuditArchive> archive(Instant cutoff, Instant now, String by) {
		AuditRepository.Head head = records.lockHead();
		if (head.legacyUnsealed()) {
			return Optional.empty();
		}
		Long toSeal = lastSealBefore(firstYoungId(cutoff), head.archivedToSeal());
		if (toSeal == null) {
			return Optional.empty();
		}
		long fromSeal = head.archivedToSeal() + 1;
		AuditRepository.Seal first = records.seals(fromSeal - 1, fromSeal, 1).get(0);
		AuditRepository.Seal last = records.seals(toSeal - 1, toSeal, 1).get(0);
		String fileName = "audit-" + fromSeal + "-" + toSeal + ".jsonl.gz";
		Written written = write(fileName, head, fromSeal, toSeal, first.prevHash(), last);
		jdbc.sql("delete from audit_record where chain = :chain and id <= :last")
			.param("chain", AuditRepository.CHAIN).param("last", last.lastId()).update();
		jdbc.sql("delete from audit_seal where chain = :chain and id <= :last")
			.param("chain", AuditRepository.CHAIN).param("last", toSeal).update();
		jdbc.sql("""
				update audit_chain_head set archived_to_seal = :seal, archived_to_id = :id, archived_hash = :hash
				where chain = :chain
				""").param("seal", toSeal).param("id", last.lastId()).param("hash", last.hash())
			.param("chain", AuditRepository.CHAIN).update();
		AuditArchive archive = insert(new AuditArchive(0, fromSeal, toSeal, last.lastId(), written.records(),
				first.prevHash(), last.hash(), written.newestAt(), fileName, written.sha256(), now, by));
		events.publishEvent(new AuditArchived(archive));
		return Optional.of(archive);
	}

	public List<AuditArchive> list() {
		return jdbc.sql("select * from audit_archive order by id desc").query(AuditArchiver::archive).list();
	}

	public Optional<AuditArchive> find(long id) {
		return jdbc.sql("select * from audit_archive where id = :id").param("id", id).query(AuditArchiver::archive).optional();
	}

	public Path file(AuditArchive archive) {
		return directory.resolve(archive.fileName());
	}

	/** The first record as young as the cutoff, or past every id when there is none. */
	private long firstYoungId(Instant cutoff) {
		long id = jdbc.sql("select coalesce(min(id), 0) from audit_record where chain = :chain and occurred_at >= :cutoff")
			.param("chain", AuditRepository.CHAIN).param("cutoff", Times.utc(cutoff)).query(Long.class).single();
		return id == 0 ? Long.MAX_VALUE : id;
	}

	/** The last batch, not yet archived, that ends before the first young record; null when there is none. */
	private @Nullable Long lastSealBefore(long firstYoungId, long archivedToSeal) {
		long seal = jdbc.sql("select coalesce(max(id), 0) from audit_seal where chain = :chain and id > :archived"
				+ " and last_id < :young")
			.param("chain", AuditRepository.CHAIN).param("archived", archivedToSeal).param("young", firstYoungId)
			.query(Long.class).single();
		return seal == 0 ? null : seal;
	}

	private record Written(long records, Instant newestAt, String sha256) {

	}

	/** Written to a temporary file first, then moved into place; the hash is of the file's bytes. */
	private Written write(String fileName, AuditRepository.Head head, long fromSeal, long toSeal, String prevHash,
			AuditRepository.Seal last) {
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, fileName, ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			var counted = new Object() {
				long records;
				Instant newest = Instant.EPOCH;
			};
			try (OutputStream file = Files.newOutputStream(temporary);
					BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
							new GZIPOutputStream(new DigestOutputStream(file, sha256)), StandardCharsets.UTF_8))) {
				line(out, "archive", Map.of("fromSeal", fromSeal, "toSeal", toSeal, "toId", last.lastId(), "prevHash",
						prevHash, "headHash", last.hash(), "earlierChainHead", head.archived() ? "" : head.hash()));
				rows.query("select * from audit_seal where chain = ? and id >= ? and id <= ? order by id",
						(RowCallbackHandler) rs -> line(out, "seal", columns(rs)),
						AuditRepository.CHAIN, fromSeal, toSeal);
				rows.query("select * from audit_record where chain = ? and id <= ? order by id", (RowCallbackHandler) rs -> {
					line(out, "record", columns(rs));
					counted.records++;
					Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
					counted.newest = at.isAfter(counted.newest) ? at : counted.newest;
				}, AuditRepository.CHAIN, last.lastId());
			}
			Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			return new Written(counted.records, counted.newest, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void line(BufferedWriter out, String kind, Map<String, Object> values) {
		try {
			out.write(json.writeValueAsString(Map.of(kind, values)));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every column by its name in lower case (H2 answers in upper case), timestamps as ISO-8601 text. */
	private static Map<String, Object> columns(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
				value = rs.getObject(i, OffsetDateTime.class).toInstant().toString();
			}
			else if (value instanceof java.sql.Clob) {
				value = rs.getString(i);
			}
			values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
		}
		return values;
	}

	private AuditArchive insert(AuditArchive archive) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into audit_archive (from_seal, to_seal, to_id, record_count, prev_hash, head_hash, newest_at, file_name,
				                           file_sha256, archived_at, archived_by)
				values (:fromSeal, :toSeal, :toId, :count, :prev, :head, :newest, :file, :sha, :at, :by)
				""")
			.param("fromSeal", archive.fromSeal()).param("toSeal", archive.toSeal()).param("toId", archive.toId())
			.param("count", archive.recordCount()).param("prev", archive.prevHash()).param("head", archive.headHash())
			.param("newest", Times.utc(archive.newestAt())).param("file", archive.fileName())
			.param("sha", archive.fileSha256()).param("at", Times.utc(archive.archivedAt())).param("by", archive.archivedBy())
			.update(keys, "id");
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	private static AuditArchive archive(ResultSet rs, int row) throws SQLException {
		return new AuditArchive(rs.getLong("id"), rs.getLong("from_seal"), rs.getLong("to_seal"), rs.getLong("to_id"),
				rs.getLong("record_count"), rs.getString("prev_hash"), rs.getString("head_hash"),
				rs.getObject("newest_at", OffsetDateTime.class).toInstant(), rs.getString("file_name"),
				rs.getString("file_sha256"), rs.getObject("archived_at", OffsetDateTime.class).toInstant(),
				rs.getString("archived_by"));
	}

}
