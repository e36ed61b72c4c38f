package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.GrassrootsApplication;
import org.grassroots.lifeevents.LifeEventSteps;
import org.grassroots.support.Api;
import org.grassroots.support.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Switching an existing database to the national algorithms, then rotating the field key, while
 * nodes run: the application started as an operator would, one node after another on a database
 * of its own (a fresh H2 file, or a schema of its own in the suite's PostgreSQL database).
 * Personal data written under AES-GCM is rewritten under SM4-GCM and reads back the same, lookup
 * hashes follow, the audit chain goes on in SM3 from the old head and verifies whole; a new key
 * is taken up by a node while another still writes with the old one, and in the end the old key
 * is not needed. Only the city's security administrator sees the keys' page and API.
 */
class NationalAlgorithmsIntegrationTests {

	static final String K1 = key(11);

	static final String K2 = key(12);

	final String database = OwnDatabase.url("national");

	final String dataDir = "target/test-data/national-" + UUID.randomUUID();

	@Test
	void anExistingDatabaseSwitchesToSm3AndSm4AndThenRotatesItsKeyWithoutStopping() {
		Map<String, String> clear;
		String keptToken;
		String trackingCode;
		try (ConfigurableApplicationContext standard = node("a", "standard", K1, "")) {
			trackingCode = writePersonalData(new Api(port(standard)));
			keptToken = new Api(port(standard)).token("security.auditor");
			clear = values(standard, cipher(standard));
			assertThat(clear.keySet()).anyMatch(k -> k.startsWith("account.phone_cipher"))
				.anyMatch(k -> k.startsWith("problem.reporter_phone_cipher"))
				.anyMatch(k -> k.startsWith("le_application_value.value_text"))
				.anyMatch(k -> k.startsWith("le_profile_value.value_text"));
			assertThat(clear.values()).contains("13800138123", LifeEventSteps.idCard("50010819920315002"));
			assertThat(stored(standard)).allMatch(v -> v.startsWith("aes."));
		}

		try (ConfigurableApplicationContext national = node("b", "national", K1, "")) {
			JdbcClient jdbc = jdbc(national);
			FieldRekeyer rekeyer = national.getBean(FieldRekeyer.class);
			assertThat(total(rekeyer.remaining())).isEqualTo(clear.size());
			assertThat(values(national, cipher(national))).as("every value reads before it is rewritten").isEqualTo(clear);

			Map<String, Integer> rewritten = rekeyer.rekey();
			assertThat(rewritten.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(clear.size());
			assertThat(total(rekeyer.remaining())).isZero();
			assertThat(stored(national)).allMatch(v -> v.startsWith("sm4."));
			assertThat(values(national, cipher(national))).isEqualTo(clear);
			assertThat(jdbc.sql("select phone_hash from account where username like 'phone.%'").query(String.class).single())
				.as("the lookup hash follows the algorithm").isEqualTo(cipher(national).lookupHash("13800138123"));
			assertThat(jdbc.sql("select count(*) from audit_record where kind = 'FIELDS_REENCRYPTED'").query(Long.class).single())
				.isOne();

			String switched = jdbc.sql("select after_state from audit_record where kind = 'AUDIT_DIGEST_CHANGED'")
				.query(String.class).single();
			JsonNode head = tools.jackson.databind.json.JsonMapper.builder().build().readTree(switched);
			assertThat(head.path("from").asString()).isEqualTo("standard");
			assertThat(head.path("to").asString()).isEqualTo("national");
			long seal = head.path("lastSeal").asLong();
			assertThat(jdbc.sql("select hash from audit_seal where id = :id").param("id", seal).query(String.class).single())
				.isEqualTo(head.path("headHash").asString()).doesNotStartWith("sm3:");
			Api api = new Api(port(national));
			assertThat(api.get(keptToken, "/api/v1/audit/verify").status()).as("a token issued before the switch").isEqualTo(200);
			assertThat(api.get(null, "/api/v1/public/reports/" + trackingCode).status()).as("a tracking code from before")
				.isEqualTo(200);
			writePersonalData(api);
			assertThat(jdbc.sql("select count(*) from access_token where token_hash like 'sm3:%'").query(Long.class).single())
				.as("secrets are hashed with SM3 from the switch on").isPositive();
			assertThat(jdbc.sql("select count(*) from problem where tracking_hash like 'sm3:%'").query(Long.class).single())
				.isOne();
			assertVerifies(api, jdbc);
			assertThat(jdbc.sql("select prev_hash from audit_seal where id = :id").param("id", seal + 1).query(String.class)
				.single()).as("the new segment starts from the old head").isEqualTo(head.path("headHash").asString());
			assertThat(jdbc.sql("select hash from audit_seal where id = :id").param("id", seal + 1).query(String.class).single())
				.startsWith("sm3:");
			clear = values(national, cipher(national));
		}

		// a rotation: first every node reads the new key, then one writes with it and rewrites, then the old key goes
		try (ConfigurableApplicationContext old = node("c", "national", K1, K2);
				ConfigurableApplicationContext rotated = node("d", "national", K2, K1)) {
			FieldRekeyer rekeyer = rotated.getBean(FieldRekeyer.class);
			assertThat(total(rekeyer.remaining())).isEqualTo(clear.size());
			rekeyer.rekey();
			assertThat(total(rekeyer.remaining())).isZero();
			assertThat(values(old, cipher(old))).as("a node still writing with the old key reads the new").isEqualTo(clear);

			Api api = new Api(port(old));
			writePersonalData(api);
			assertThat(total(rekeyer.remaining())).as("written by the node not yet moved").isPositive();
			rekeyer.rekey();
			assertThat(total(rekeyer.remaining())).isZero();
			FieldCipher newKeyOnly = new FieldCipher(CryptoSuite.NATIONAL, Base64.getDecoder().decode(K2), List.of());
			assertThat(values(rotated, newKeyOnly).values()).as("nothing needs the old key any more")
				.containsAll(clear.values());
			assertVerifies(new Api(port(rotated)), jdbc(rotated));
			assertKeysPage(new Api(port(rotated)), cipher(rotated));
		}
	}

	private void assertKeysPage(Api api, FieldCipher cipher) {
		Api.Reply status = api.get(api.token("security.admin"), "/api/v1/security/field-keys");
		assertThat(status.status()).as(status.body()).isEqualTo(200);
		assertThat(status.text("algorithms")).isEqualTo("national");
		assertThat(status.text("currentKey")).isEqualTo(cipher.currentKeyId()).doesNotContain(K2);
		assertThat(status.json().path("previousKeys").toString()).contains(cipher.previousKeyIds().get(0));
		assertThat(status.json().path("remaining").path("problem.reporter_phone_cipher").asLong()).isZero();
		assertThat(api.post(api.token("security.admin"), "/api/v1/security/field-keys/rekey", "{}").status()).isEqualTo(202);
		for (String other : List.of("nanan.secadmin", "system.admin", "security.auditor", "city.admin", "nanan.admin")) {
			assertThat(api.get(api.token(other), "/api/v1/security/field-keys").status()).as(other).isEqualTo(403);
			assertThat(api.post(api.token(other), "/api/v1/security/field-keys/rekey", "{}").status()).as(other)
				.isEqualTo(403);
		}
	}

	private static void assertVerifies(Api api, JdbcClient jdbc) {
		JsonNode verified = api.get(api.token("security.auditor"), "/api/v1/audit/verify").json();
		assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.path("checked").asLong())
			.isEqualTo(jdbc.sql("select count(*) from audit_record").query(Long.class).single());
	}

	/** An account's phone, a report's phone, and an application's ID card numbers, phone and address. */
	private static String writePersonalData(Api api) {
		String username = "phone." + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "手机号测试", "unitCode", "500108002",
				"phone", "13800138123", "roles", List.of(Map.of("role", "CASEWORKER"))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long community = api.get(api.token("city.admin"), "/api/v1/units/by-code/500108002001").json().path("id").asLong();
		Api.Reply report = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", community, "categoryCode",
				"PARKING", "title", "停车难 " + username, "description", "小区门口停车难", "phone", "13912345678",
				"discloseIdentity", false));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		Api.Reply filed = api.post(api.token("resident.wang"), "/api/v1/lifeevents/applications",
				Api.json("eventCode", "NEWBORN", "values", LifeEventSteps.newborn("王小川")));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return report.text("trackingCode");
	}

	/** Every encrypted value in the database, decrypted, by table, column and row. */
	private static Map<String, String> values(ConfigurableApplicationContext node, FieldCipher cipher) {
		Map<String, String> values = new LinkedHashMap<>();
		for (EncryptedColumn column : node.getBeansOfType(EncryptedColumn.class).values()) {
			for (Map.Entry<String, String> row : rows(jdbc(node), column).entrySet()) {
				values.put(column.name() + "/" + row.getKey(), cipher.decrypt(row.getValue()));
			}
		}
		return values;
	}

	private static List<String> stored(ConfigurableApplicationContext node) {
		List<String> stored = new ArrayList<>();
		node.getBeansOfType(EncryptedColumn.class).values().forEach(column -> stored.addAll(rows(jdbc(node), column).values()));
		assertThat(stored).isNotEmpty();
		return stored;
	}

	private static Map<String, String> rows(JdbcClient jdbc, EncryptedColumn column) {
		Map<String, String> rows = new LinkedHashMap<>();
		String keys = String.join(" || '/' || ", column.keyColumns().stream().map(k -> "cast(" + k + " as varchar(100))").toList());
		jdbc.sql("select " + keys + ", " + column.cipherColumn() + " from " + column.table() + " where "
				+ column.cipherColumn() + " is not null" + (column.condition() == null ? "" : " and " + column.condition()))
			.query(rs -> {
				rows.put(rs.getString(1), rs.getString(2));
			});
		return rows;
	}

	private static long total(Map<String, Long> remaining) {
		return remaining.values().stream().mapToLong(Long::longValue).sum();
	}

	private ConfigurableApplicationContext node(String name, String algorithms, String key, String previous) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
				"--grassroots.data-dir=" + dataDir + "/" + name, "--grassroots.field-key=" + key,
				"--grassroots.crypto.algorithms=" + algorithms, "--grassroots.crypto.previous-field-keys=" + previous,
				"--grassroots.crypto.rekey-first=P1D", "--spring.main.banner-mode=off"));
		return new SpringApplicationBuilder(GrassrootsApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class);
	}

	private static FieldCipher cipher(ConfigurableApplicationContext node) {
		return node.getBean(FieldCipher.class);
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return Base64.getEncoder().encodeToString(key);
	}

}
