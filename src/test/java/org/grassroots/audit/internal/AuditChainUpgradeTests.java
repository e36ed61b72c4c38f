package org.grassroots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.ChainVerification;
import org.grassroots.shared.AuditableEvent;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.Times;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The chain across the upgrade to content hashes (V44), on a database of its own: records sealed
 * and records left unsealed by the earlier version still verify with the earlier formula, records
 * written afterwards carry a content hash, and every column of the table is hashed. On H2, and on
 * PostgreSQL in a fresh database when the failsafe cluster is configured (GRASSROOTS_IT_PG_PORT,
 * as on CI's PostgreSQL pass), since the migration differs per database. (Changes to new records
 * are in {@code AuditIntegrationTests}.)
 */
class AuditChainUpgradeTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);

	DataSource dataSource;

	String vendor;

	org.grassroots.support.ItPostgres postgres;

	JdbcClient jdbc;

	AuditRepository records;

	AuditSealer sealer;

	AuditReader reader;

	AuditWriter writer;

	TransactionTemplate transactions;

	/** A database at the version before V44, on H2 or in a fresh PostgreSQL database. */
	private void databaseAtTheVersionBefore(String vendor) {
		databaseAtTheVersionBefore(vendor, "44");
	}

	/** A database at the version before the given one, on H2 or in a fresh PostgreSQL database. */
	private void databaseAtTheVersionBefore(String vendor, String next) {
		this.vendor = vendor;
		if (vendor.equals("postgresql")) {
			postgres = org.grassroots.support.ItPostgres.required();
			var database = postgres.createDatabase("it_audit_upgrade");
			dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
		}
		else {
			dataSource = new DriverManagerDataSource(
					"jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", "");
		}
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		records = new AuditRepository(jdbc, new JdbcTemplate(dataSource));
		sealer = new AuditSealer(records, transactions, CLOCK, java.time.Duration.ofMinutes(5));
		reader = new AuditReader(records);
		writer = new AuditWriter(records, JsonMapper.builder().build(), CLOCK, CryptoSuite.STANDARD);
		migrate(lastBefore(org.flywaydb.core.api.MigrationVersion.fromVersion(next)));
	}

	@org.junit.jupiter.api.AfterEach
	void dropThePostgresDatabase() {
		if (postgres != null) {
			postgres.dropDatabase("it_audit_upgrade");
		}
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "h2", "postgresql" })
	void recordsFromBeforeTheUpgradeStillVerifyAndLaterOnesCarryAContentHash(String vendor) {
		databaseAtTheVersionBefore(vendor);
		long sealedBefore = writeAsBefore("UNIT_CREATED");
		writeAsBefore("UNIT_RENAMED");
		sealAsBefore();
		long unsealedBefore = writeAsBefore("UNIT_MOVED");

		migrate(null);
		transactions.executeWithoutResult(status -> writer.on(event("after.upgrade")));
		sealer.sealPending();

		assertThat(reader.verify()).isEqualTo(new ChainVerification(true, 4, null, null, null, null));
		long boundary = jdbc.sql("select content_hash_from_id from audit_chain_head").query(Long.class).single();
		assertThat(boundary).isEqualTo(unsealedBefore + 1);
		assertThat(jdbc.sql("select count(*) from audit_record where id >= :b and content_hash is not null")
			.param("b", boundary).query(Long.class).single()).isOne();
		assertThat(jdbc.sql("select count(*) from audit_record where id < :b and content_hash is null")
			.param("b", boundary).query(Long.class).single()).isEqualTo(3);

		jdbc.sql("update audit_record set subject_id = 'forged' where id = :id").param("id", sealedBefore).update();
		ChainVerification broken = reader.verify();
		assertThat(broken.intact()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(sealedBefore);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "h2", "postgresql" })
	void recordsFromBeforeTheSealsStillVerifyAndLaterOnesAreSealedInBatchesNeverUpdated(String vendor) {
		databaseAtTheVersionBefore(vendor, "45");
		long v44 = jdbc.sql("select content_hash_from_id from audit_chain_head").query(Long.class).single();
		long sealedBefore = writeAsV44("UNIT_CREATED");
		writeAsV44("UNIT_RENAMED");
		sealAsV44(v44);
		long unsealedBefore = writeAsV44("UNIT_MOVED");

		migrate(null);
		assertThat(jdbc.sql("select seals_from_id from audit_chain_head").query(Long.class).single())
			.isEqualTo(unsealedBefore + 1);
		transactions.executeWithoutResult(status -> writer.on(event("after.seals.1")));
		transactions.executeWithoutResult(status -> writer.on(event("after.seals.2")));
		String written = jdbc.sql("select content_hash from audit_record where subject_id = 'after.seals.1'").query(String.class).single();
		sealer.sealPending();

		assertThat(reader.verify()).isEqualTo(new ChainVerification(true, 5, null, null, null, null));
		assertThat(jdbc.sql("select seq from audit_record where id = :id").param("id", unsealedBefore).query(Long.class).single())
			.as("the record left unsealed at the upgrade is sealed the earlier way").isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from audit_record where id > :id and seq is null and prev_hash is null and hash is null")
			.param("id", unsealedBefore).query(Long.class).single()).as("later records are never updated").isEqualTo(2);
		assertThat(jdbc.sql("select content_hash from audit_record where subject_id = 'after.seals.1'").query(String.class).single())
			.isEqualTo(written);
		assertThat(jdbc.sql("select first_id, last_id, record_count from audit_seal").query().singleRow().values())
			.containsExactly(unsealedBefore + 1, unsealedBefore + 2, 2);

		jdbc.sql("update audit_record set subject_id = 'forged' where id = :id").param("id", sealedBefore).update();
		ChainVerification broken = reader.verify();
		assertThat(broken.intact()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(sealedBefore);
	}

	@Test
	void everyColumnOfTheTableIsHashed() {
		databaseAtTheVersionBefore("h2");
		migrate(null);
		List<String> columns = jdbc.sql("""
				select lower(column_name) from information_schema.columns
				where lower(table_name) = 'audit_record' and lower(table_schema) = 'public'
				""").query(String.class).list();

		assertThat(columns).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream
					.of(AuditHash.CONTENT_COLUMNS, AuditHash.SEALED_COLUMNS, AuditHash.CHAIN_COLUMNS)
					.flatMap(List::stream)
					.distinct()
					.toList());
	}

	/** The last migration before content hashes, whichever number it has once other branches are merged. */
	private String lastBefore(org.flywaydb.core.api.MigrationVersion version) {
		return java.util.Arrays.stream(configured().load().info().all())
			.map(org.flywaydb.core.api.MigrationInfo::getVersion)
			.filter(v -> v != null && v.compareTo(version) < 0)
			.max(org.flywaydb.core.api.MigrationVersion::compareTo)
			.orElseThrow()
			.getVersion();
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration configured() {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
	}

	private void migrate(String target) {
		var config = configured();
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

	/** A record as the version before V44 wrote it: an identity id, no content hash, no place yet. */
	private long writeAsBefore(String kind) {
		jdbc.sql("""
				insert into audit_record (chain, occurred_at, actor_name, kind, subject_type, subject_id, unit_path, after_state)
				values ('main', :at, 'city.admin', :kind, 'UNIT', '500108002', '/500000/500108/500108002/', '{"level":"STREET"}')
				""").param("at", Times.utc(Instant.parse("2026-11-30T02:00:00.123456Z"))).param("kind", kind).update();
		return jdbc.sql("select max(id) from audit_record").query(Long.class).single();
	}

	/** Seals as the version before V44 did: every field but the id, in one hash with the link. */
	private void sealAsBefore() {
		String prev = AuditReader.GENESIS;
		long seq = 0;
		for (var row : jdbc.sql("select id, occurred_at, actor_name, kind, subject_type, subject_id, unit_path, after_state"
				+ " from audit_record where seq is null order by id").query().listOfRows()) {
			var at = (java.time.OffsetDateTime) jdbc.sql("select occurred_at from audit_record where id = :id")
				.param("id", row.get(key(row, "id")))
				.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
				.single();
			AuditEntry entry = new AuditEntry(((Number) row.get(key(row, "id"))).longValue(), ++seq, at.toInstant(), null,
					(String) row.get(key(row, "actor_name")), (String) row.get(key(row, "kind")),
					(String) row.get(key(row, "subject_type")), (String) row.get(key(row, "subject_id")),
					(String) row.get(key(row, "unit_path")), null, (String) row.get(key(row, "after_state")));
			String hash = AuditHash.legacy(entry, prev);
			jdbc.sql("update audit_record set seq = :seq, prev_hash = :prev, hash = :hash where id = :id")
				.param("seq", seq).param("prev", prev).param("hash", hash).param("id", entry.id()).update();
			jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash").param("seq", seq).param("hash", hash).update();
			prev = hash;
		}
	}

	/** A record as V44 wrote it: its id from the sequence first, and a content hash over it. */
	private long writeAsV44(String kind) {
		long id = jdbc.sql("select nextval('audit_record_ids')").query(Long.class).single();
		AuditEntry entry = new AuditEntry(id, 0, Instant.parse("2026-11-30T02:00:00.123456Z"), 7L, "city.admin", kind, "UNIT",
				"500108002", "/500000/500108/500108002/", null, "{\"level\":\"STREET\"}");
		jdbc.sql("""
				insert into audit_record (id, chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id, unit_path,
				                          after_state, content_hash)
				values (:id, 'main', :at, 7, 'city.admin', :kind, 'UNIT', '500108002', '/500000/500108/500108002/',
				        '{"level":"STREET"}', :hash)
				""").param("id", id).param("at", Times.utc(entry.occurredAt())).param("kind", kind)
			.param("hash", AuditHash.contentWithId(entry, "main")).update();
		return id;
	}

	/** Seals as V44 did: each record's content hash linked to the one before, by seq. */
	private void sealAsV44(long from) {
		String prev = jdbc.sql("select hash from audit_chain_head").query(String.class).single();
		long seq = jdbc.sql("select seq from audit_chain_head").query(Long.class).single();
		for (var row : jdbc.sql("select id, content_hash from audit_record where seq is null and id >= :from order by id")
			.param("from", from).query().listOfRows()) {
			long id = ((Number) row.get(key(row, "id"))).longValue();
			String hash = AuditHash.link(prev, ++seq, id, (String) row.get(key(row, "content_hash")));
			jdbc.sql("update audit_record set seq = :seq, prev_hash = :prev, hash = :hash where id = :id")
				.param("seq", seq).param("prev", prev).param("hash", hash).param("id", id).update();
			jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash").param("seq", seq).param("hash", hash).update();
			prev = hash;
		}
	}

	private static String key(java.util.Map<String, Object> row, String name) {
		return row.keySet().stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(name)).findFirst().orElseThrow();
	}

	private static AuditableEvent event(String name) {
		return new AuditableEvent() {

			@Override
			public String auditKind() {
				return "SIGN_IN_FAILED";
			}

			@Override
			public String subjectType() {
				return "ACCOUNT";
			}

			@Override
			public String subjectId() {
				return name;
			}

			@Override
			public String unitPath() {
				return "/500000/500108/";
			}

			@Override
			public String actorName() {
				return name;
			}

		};
	}

}
