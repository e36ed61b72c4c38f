package org.grassroots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.grassroots.audit.ChainVerification;
import org.grassroots.shared.AuditableEvent;
import org.grassroots.shared.CryptoSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sealed batches on a database of their own (H2, migrated to the latest version): what the seal
 * of a batch catches that a record's content hash cannot (a record removed from the middle, a
 * reordered pair, an inserted record), and that the sealer waits before sealing past a missing id.
 */
class AuditSealTests {

	final MovingClock clock = new MovingClock();

	JdbcClient jdbc;

	AuditSealer sealer;

	AuditReader reader;

	AuditWriter writer;

	AuditRepository records;

	TransactionTemplate transactions;

	static DriverManagerDataSource dataSource;

	/** Migrated once for the class: each test empties the log instead, a migration costs a second. */
	@BeforeAll
	static void database() {
		dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:seal-" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load().migrate();
	}

	@BeforeEach
	void emptyLog() {
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("delete from audit_seal").update();
		jdbc.sql("delete from audit_record").update();
		jdbc.sql("alter sequence audit_record_ids restart with 1").update();
		jdbc.sql("update audit_chain_head set seals_from_id = 1, last_seal = 0, sealed_to_id = 0, seal_hash = hash,"
				+ " digest = 'standard'").update();
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		records = new AuditRepository(jdbc, new JdbcTemplate(dataSource));
		sealer = new AuditSealer(records, transactions, clock, Duration.ofMinutes(5));
		reader = new AuditReader(records);
		writer = new AuditWriter(records, JsonMapper.builder().build(), clock, CryptoSuite.STANDARD);
	}

	@Test
	void aSwitchToSm3StartsASegmentLinkedToTheOldHeadAndTheWholeChainVerifies() {
		write(2);
		sealer.sealPending();
		String oldHead = jdbc.sql("select seal_hash from audit_chain_head").query(String.class).single();
		transactions.executeWithoutResult(status -> records.switchDigest(CryptoSuite.NATIONAL));
		AuditWriter national = new AuditWriter(records, JsonMapper.builder().build(), clock, CryptoSuite.NATIONAL);
		transactions.executeWithoutResult(status -> national.on(event("sm3")));
		write(1); // a node not yet switched: its record still names SHA-256, and is sealed with SM3
		sealer.sealPending();

		assertThat(jdbc.sql("select prev_hash from audit_seal where id = 2").query(String.class).single()).isEqualTo(oldHead);
		assertThat(jdbc.sql("select hash from audit_seal where id = 2").query(String.class).single()).startsWith("sm3:");
		assertThat(jdbc.sql("select content_hash from audit_record where id = :id").param("id", id(3)).query(String.class)
			.single()).startsWith("sm3:").hasSize(68);
		ChainVerification whole = reader.verify();
		assertThat(whole.intact()).as(String.valueOf(whole.reason())).isTrue();
		assertThat(whole.checked()).isEqualTo(4);

		jdbc.sql("update audit_record set actor_name = 'someone.else' where id = :id").param("id", id(3)).update();
		ChainVerification broken = reader.verify();
		assertThat(broken.intact()).isFalse();
		assertThat(broken.firstBrokenSeal()).isEqualTo(2);
		assertThat(broken.firstBrokenId()).isEqualTo(id(3));
	}

	@Test
	void aRecordRemovedFromTheMiddleOfABatchIsDetected() {
		write(3);
		sealer.sealPending();
		assertThat(reader.verify().intact()).isTrue();

		jdbc.sql("delete from audit_record where id = :id").param("id", id(2)).update();

		assertBrokenSeal(1);
	}

	@Test
	void aReorderedPairIsDetected() {
		write(3);
		sealer.sealPending();
		long first = id(1);
		long second = id(2);
		jdbc.sql("update audit_record set id = -1 where id = :id").param("id", first).update();
		jdbc.sql("update audit_record set id = :first where id = :second").param("first", first).param("second", second).update();
		jdbc.sql("update audit_record set id = :second where id = -1").param("second", second).update();

		assertBrokenSeal(1);
	}

	@Test
	void aRecordInsertedIntoABatchIsDetectedEvenWithAValidContentHash() {
		write(1);
		long gap = rolledBack();
		write(1);
		clock.move(Duration.ofMinutes(6));
		sealer.sealPending();
		assertThat(reader.verify().intact()).as("a rolled-back id is passed over once it is old").isTrue();

		// a copy of the first record, content hash and all, in the hole the rollback left
		jdbc.sql("""
				insert into audit_record (id, chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id,
				                          unit_path, before_state, after_state, content_hash)
				select :gap, chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id, unit_path,
				       before_state, after_state, content_hash
				from audit_record where id = :first
				""").param("gap", gap).param("first", id(1)).update();

		assertBrokenSeal(1);
	}

	@Test
	void aChangedRecordInASecondBatchIsFoundAndTheFirstStillChecks() {
		write(2);
		sealer.sealPending();
		write(2);
		sealer.sealPending();
		assertThat(jdbc.sql("select count(*) from audit_seal").query(Long.class).single()).isEqualTo(2);
		jdbc.sql("update audit_record set actor_name = 'someone.else' where id = :id").param("id", id(4)).update();

		ChainVerification result = reader.verify();

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeal()).isEqualTo(2);
		assertThat(result.firstBrokenId()).isEqualTo(id(4));
		assertThat(result.checked()).isEqualTo(2);
	}

	@Test
	void aRemovedLastBatchIsDetected() {
		write(2);
		sealer.sealPending();
		write(1);
		sealer.sealPending();
		jdbc.sql("delete from audit_record where id = :id").param("id", id(3)).update();
		jdbc.sql("delete from audit_seal where id = 2").update();

		assertThat(reader.verify().reason()).contains("seals end before their recorded head");
	}

	@Test
	void theSealerWaitsAtAYoungGapAndTheRecordsBehindItAreCheckedByContent() {
		write(1);
		rolledBack();
		write(1);
		sealer.sealPending();
		assertThat(jdbc.sql("select last_id from audit_seal").query(Long.class).single()).isEqualTo(id(1));

		jdbc.sql("update audit_record set after_state = '{}' where id = :id").param("id", id(2)).update();
		ChainVerification result = reader.verify();

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeal()).isNull();
		assertThat(result.firstBrokenId()).isEqualTo(id(2));
		assertThat(result.reason()).contains("content hash");
	}

	private void assertBrokenSeal(long seal) {
		ChainVerification result = reader.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeal()).isEqualTo(seal);
		assertThat(result.reason()).contains("do not match its seal");
	}

	private void write(int records) {
		for (int i = 0; i < records; i++) {
			transactions.executeWithoutResult(status -> writer.on(event("s." + UUID.randomUUID())));
		}
	}

	/** Writes a record and rolls it back: its id stays a hole. */
	private long rolledBack() {
		return transactions.execute(status -> {
			writer.on(event("rolled.back"));
			status.setRollbackOnly();
			return jdbc.sql("select max(id) from audit_record").query(Long.class).single();
		});
	}

	/** The id of the n-th record, from 1. */
	private long id(int n) {
		return jdbc.sql("select id from audit_record order by id offset :skip rows fetch next 1 rows only")
			.param("skip", n - 1)
			.query(Long.class)
			.single();
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

	/** A clock the test moves on. */
	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T06:00:00Z");

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
