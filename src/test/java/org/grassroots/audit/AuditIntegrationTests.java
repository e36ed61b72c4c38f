package org.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	Api api;

	String cityAdmin;

	String auditor;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		cityAdmin = api.token("city.admin");
		auditor = api.token("security.auditor");
	}

	@Test
	void aChangeIsRecordedWithWhoWhatBeforeAndAfter() {
		String code = Api.uniqueCode("S");
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		JsonNode created = api.post(cityAdmin, "/api/v1/units",
				Api.json("code", code, "parentId", nanan.path("id").asLong(), "nameZh", "审计街道", "level", "STREET")).json();
		api.patch(cityAdmin, "/api/v1/units/" + created.path("id").asLong(), Api.json("nameZh", "改名街道", "version", 0));

		JsonNode entries = api.get(cityAdmin, "/api/v1/audit?unit=" + code).json();

		assertThat(entries).hasSize(2);
		JsonNode renamed = entries.get(0);
		assertThat(renamed.path("kind").asString()).isEqualTo("UNIT_RENAMED");
		assertThat(renamed.path("actorName").asString()).isEqualTo("city.admin");
		assertThat(renamed.path("before").asString()).contains("审计街道");
		assertThat(renamed.path("after").asString()).contains("改名街道");
		assertThat(entries.get(1).path("kind").asString()).isEqualTo("UNIT_CREATED");
	}

	@Test
	void aRefusedCommandLeavesNoRecord() {
		long before = count();
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		assertThat(api.post(cityAdmin, "/api/v1/units", Api.json("code", "500108002", "parentId", nanan.path("id").asLong(),
				"nameZh", "重复", "level", "STREET")).status()).isEqualTo(409);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theViewerSeesOnlyEntriesInTheirScope() {
		String yuzhong = api.token("yuzhong.admin");
		JsonNode entries = api.get(yuzhong, "/api/v1/audit?unit=500108").json();
		assertThat(entries).isEmpty();
		for (JsonNode entry : api.get(yuzhong, "/api/v1/audit").json()) {
			assertThat(entry.path("unitPath").asString()).startsWith("/500000/500103/");
		}
	}

	@Test
	void onlyTheSecurityAuditorVerifiesTheChainAndReadsTheWholeLog() {
		for (String other : List.of("nanan.admin", "city.admin", "system.admin", "security.admin")) {
			assertThat(api.get(api.token(other), "/api/v1/audit/verify").status()).as(other).isEqualTo(403);
		}
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
		// the auditor reads every district's records and the administrators' own, and sees no campaign data
		assertThat(api.get(auditor, "/api/v1/audit?unit=500103").json()).isNotEmpty();
		assertThat(api.get(auditor, "/api/v1/audit?kind=ACCOUNT_CREATED").json()).isNotEmpty();
		assertThat(api.get(auditor, "/api/v1/problems").status()).isEqualTo(403);
		assertThat(api.get(auditor, "/api/v1/units").status()).isEqualTo(403);
		assertThat(api.get(api.token("system.admin"), "/api/v1/audit").status()).isEqualTo(403);
	}

	@Test
	void anEditBehindTheApplicationsBackIsDetected() {
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
		long id = jdbc.sql("select min(id) from audit_record where kind = 'UNIT_CREATED' and id <= (select sealed_to_id from audit_chain_head)")
			.query(Long.class).single();
		String original = jdbc.sql("select after_state from audit_record where id = :id").param("id", id).query(String.class).single();
		try {
			jdbc.sql("update audit_record set after_state = :forged where id = :id")
				.param("forged", original.replace("\"demo\":true", "\"demo\":false"))
				.param("id", id)
				.update();

			JsonNode result = api.get(auditor, "/api/v1/audit/verify").json();

			assertThat(result.path("intact").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenId").asLong()).isEqualTo(id);
			assertThat(result.path("reason").asString()).contains("hash");
		}
		finally {
			jdbc.sql("update audit_record set after_state = :original where id = :id").param("original", original).param("id", id).update();
		}
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void aRemovedLastRecordIsDetected() {
		// an audited change makes sure the chain has a last record of its own to remove; verifying seals it
		api.token("nanan.cadre");
		api.get(auditor, "/api/v1/audit/verify");
		var last = jdbc.sql("select * from audit_record where id = (select max(id) from audit_record"
				+ " where id <= (select sealed_to_id from audit_chain_head))").query().singleRow();
		try {
			withoutTheRetentionGuard(() -> jdbc.sql("delete from audit_record where id = :id")
				.param("id", last.get(key(last, "id"))).update());
			JsonNode result = api.get(auditor, "/api/v1/audit/verify").json();
			assertThat(result.path("intact").asBoolean()).isFalse();
			assertThat(result.path("reason").asString()).contains("seal");
		}
		finally {
			jdbc.sql("""
					insert into audit_record (id, chain, seq, occurred_at, actor_id, actor_name, kind, subject_type, subject_id,
					  unit_path, before_state, after_state, content_hash, prev_hash, hash)
					values (:id, :chain, :seq, :occurred_at, :actor_id, :actor_name, :kind, :subject_type, :subject_id,
					  :unit_path, :before_state, :after_state, :content_hash, :prev_hash, :hash)
					""")
				.paramSource(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(lowerKeys(last)))
				.update();
		}
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void onPostgresqlTheDatabaseRefusesToDeleteARecordOrSealYoungerThanSixMonths() {
		org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "the guard is a PostgreSQL trigger");
		api.token("nanan.cadre");
		api.get(auditor, "/api/v1/audit/verify");
		long last = jdbc.sql("select max(id) from audit_record").query(Long.class).single();
		long seal = jdbc.sql("select max(id) from audit_seal").query(Long.class).single();

		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.sql("delete from audit_record where id = :id").param("id", last).update())
			.hasMessageContaining("kept at least six months");
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.sql("delete from audit_seal where id = :id").param("id", seal).update())
			.hasMessageContaining("kept at least six months");
		assertThat(jdbc.sql("select count(*) from audit_record where id = :id").param("id", last).query(Long.class).single())
			.isOne();
	}

	/** What the tables' owner can do: the PostgreSQL guard set aside while a test plays the intruder. */
	private void withoutTheRetentionGuard(Runnable tamper) {
		if (postgres()) {
			jdbc.sql("alter table audit_record disable trigger audit_record_kept_six_months").update();
		}
		try {
			tamper.run();
		}
		finally {
			if (postgres()) {
				jdbc.sql("alter table audit_record enable trigger audit_record_kept_six_months").update();
			}
		}
	}

	private boolean postgres() {
		return jdbc.sql("select count(*) from information_schema.triggers where lower(trigger_name) = 'audit_record_kept_six_months'")
			.query(Long.class).single() > 0;
	}

	@Test
	void aChangeMadeBeforeTheSealerChainedTheRecordIsDetected() {
		String subject = Api.uniqueCode("unsealed.");
		// altered in the transaction that writes it: no sealer can have chained it yet
		long id = transactions.execute(status -> {
			events.publishEvent(testEvent(subject));
			long written = jdbc.sql("select id from audit_record where subject_id = :s").param("s", subject).query(Long.class).single();
			jdbc.sql("update audit_record set unit_path = '/500000/500103/' where id = :id").param("id", written).update();
			return written;
		});
		try {
			JsonNode result = api.get(auditor, "/api/v1/audit/verify").json();

			assertThat(result.path("intact").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenId").asLong()).isEqualTo(id);
			assertThat(result.path("reason").asString()).contains("content hash");
		}
		finally {
			jdbc.sql("update audit_record set unit_path = '/500000/500108/' where id = :id").param("id", id).update();
		}
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void aRenumberedRecordIsDetected() {
		api.token("nanan.cadre");
		api.get(auditor, "/api/v1/audit/verify");
		long id = jdbc.sql("select sealed_to_id from audit_chain_head").query(Long.class).single();
		long seal = jdbc.sql("select id from audit_seal where :id between first_id and last_id").param("id", id).query(Long.class).single();
		try {
			jdbc.sql("update audit_record set id = :renumbered where id = :id").param("renumbered", id + 1_000_000_000L).param("id", id).update();

			JsonNode result = api.get(auditor, "/api/v1/audit/verify").json();

			assertThat(result.path("intact").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenSeal").asLong()).isEqualTo(seal);
		}
		finally {
			jdbc.sql("update audit_record set id = :id where id = :renumbered").param("renumbered", id + 1_000_000_000L).param("id", id).update();
		}
		assertThat(api.get(auditor, "/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void anAuditedWriteCostsOneInsertOnTheRequestPath() {
		String code = Api.uniqueCode("S");
		long nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json().path("id").asLong();
		org.grassroots.support.StatementMeter.Reading reading = org.grassroots.support.StatementMeter.measure(() -> {
			assertThat(api.post(cityAdmin, "/api/v1/units",
					Api.json("code", code, "parentId", nanan, "nameZh", "计数街道", "level", "STREET")).status()).isEqualTo(201);
		}, () -> {
		});
		List<String> audit = reading.sql().stream().filter(sql -> !sql.startsWith("[event]") && sql.contains("audit_")).toList();
		assertThat(audit).as(reading.toString()).hasSize(1);
		assertThat(audit.get(0)).startsWith("insert into audit_record");
	}

	/**
	 * An audited change as any module publishes one, in the caller's transaction. Anonymous, so
	 * that AuditKindsTests' scan of the event records does not take it for one of the code's.
	 */
	static org.grassroots.shared.AuditableEvent testEvent(String subjectId) {
		return new org.grassroots.shared.AuditableEvent() {

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
				return subjectId;
			}

			@Override
			public String unitPath() {
				return "/500000/500108/";
			}

			@Override
			public String actorName() {
				return subjectId;
			}

		};
	}

	@Test
	void concurrentWritersAreSealedIntoOneUnbrokenChain() throws Exception {
		long before = count();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		try {
			// each sign-in for a token writes audited records from its own request
			var issued = new java.util.ArrayList<java.util.concurrent.Future<String>>();
			for (int i = 0; i < 20; i++) {
				issued.add(pool.submit(() -> api.token("nanan.cadre")));
			}
			for (var token : issued) {
				assertThat(token.get()).startsWith("grt_");
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count()).isGreaterThanOrEqualTo(before + 20);

		JsonNode result = api.get(auditor, "/api/v1/audit/verify").json();

		assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
		long sealed = jdbc.sql("""
				select count(*) from audit_record
				where id >= (select seals_from_id from audit_chain_head) and id <= (select sealed_to_id from audit_chain_head)
				""").query(Long.class).single();
		long seals = jdbc.sql("select count(*) from audit_seal").query(Long.class).single();
		assertThat(result.path("checked").asLong()).isGreaterThanOrEqualTo(before + 20).isLessThanOrEqualTo(count());
		assertThat(jdbc.sql("select coalesce(sum(record_count), 0) from audit_seal").query(Long.class).single())
			.as("the batches hold every record up to the last sealed one").isEqualTo(sealed);
		assertThat(jdbc.sql("select coalesce(max(id), 0) from audit_seal").query(Long.class).single())
			.as("batches numbered without gaps").isEqualTo(seals);
	}

	private static String key(java.util.Map<String, Object> row, String name) {
		return row.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElseThrow();
	}

	private static java.util.Map<String, Object> lowerKeys(java.util.Map<String, Object> row) {
		java.util.Map<String, Object> lower = new java.util.HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
		return lower;
	}

	private long count() {
		return jdbc.sql("select count(*) from audit_record").query(Long.class).single();
	}

}
