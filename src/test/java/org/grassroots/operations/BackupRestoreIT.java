package org.grassroots.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.grassroots.support.Api;
import org.grassroots.support.AppNode;
import org.grassroots.support.ItPostgres;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The restore docs/operations.md describes, as an operator does it: a logical dump of a running
 * node's database, then its attachments folder (database first), restored into a fresh database
 * and a new data directory, and a node started there with the same field key. PostgreSQL only.
 */
class BackupRestoreIT {

	private static final Duration TOOL_LIMIT = Duration.ofMinutes(2);

	private static final String PASSWORD = "Restore-drill-2026!";

	/** An account with an encrypted phone number, written before the dump. */
	private JsonNode account;

	@Test
	void aDumpRestoredIntoAFreshDatabaseKeepsEveryProblemAttachmentAndTheAuditChain() throws Exception {
		ItPostgres pg = ItPostgres.required();
		ItPostgres.Database source = pg.createDatabase("it_restore_source");
		ItPostgres.Database restored = pg.createDatabase("it_restore_target");
		Path work = Path.of("target", "it").toAbsolutePath();
		Path dump = work.resolve("restore.dump");
		clear(work.resolve("restore-source"));
		clear(work.resolve("restore-target"));
		try {
			Map<Long, byte[]> uploaded;
			try (AppNode first = AppNode.start("restore-source", new AppNode.Settings().database(source))) {
				uploaded = writeProblemsWithAttachments(new Api(first.port()));
				account = openAccountWithPhone(new Api(first.port()));
				// online, as in production: the dump is one consistent snapshot while the node runs
				ItPostgres.run(List.of(pg.program("pg_dump").toString(), "-Fc", "-h", pg.host(), "-p", pg.port(), "-U",
						pg.superuser(), "-d", source.name(), "-f", dump.toString()), TOOL_LIMIT);
				// the files after the database: every row in the dump has its file by now
				copy(work.resolve("restore-source/data/attachments"), work.resolve("restore-target/data/attachments"));
			}
			ItPostgres.run(List.of(pg.program("pg_restore").toString(), "--no-owner", "--role=" + restored.user(), "-h",
					pg.host(), "-p", pg.port(), "-U", pg.superuser(), "-d", restored.name(), dump.toString()), TOOL_LIMIT);

			try (AppNode second = AppNode.start("restore-target", new AppNode.Settings().database(restored))) {
				Api api = new Api(second.port());
				String cityAdmin = api.token("city.admin");

				assertThat(rows(restored, "select id, ledger_no from problem order by id"))
					.isEqualTo(rows(source, "select id, ledger_no from problem order by id"));
				assertSameAttachments(api, cityAdmin, source, restored, uploaded);
				// the same field key reads the phone number, and the account signs in with its password
				JsonNode again = api.get(api.token("system.admin"), "/api/v1/accounts/" + account.path("id").asLong()).json();
				assertThat(again.path("maskedPhone").asString()).isEqualTo(account.path("maskedPhone").asString()).isNotBlank();
				assertThat(api.token(account.path("username").asString(), PASSWORD)).startsWith("grt_");

				JsonNode chain = api.get(api.token("security.auditor"), "/api/v1/audit/verify").json();
				assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
				assertThat(chain.path("checked").asLong()).isGreaterThanOrEqualTo(count(source, "select count(*) from audit_record where id <= (select sealed_to_id from audit_chain_head)"));
			}
		}
		finally {
			pg.dropDatabase(source.name());
			pg.dropDatabase(restored.name());
			Files.deleteIfExists(dump);
		}
	}

	/** Problems with one or two attachments each, and a unit; the bytes uploaded by attachment id. */
	private static Map<Long, byte[]> writeProblemsWithAttachments(Api api) {
		String nanan = api.token("nanan.admin");
		String cityAdmin = api.token("city.admin");
		long district = api.get(cityAdmin, "/api/v1/units/by-code/500108").json().path("id").asLong();
		assertThat(api.post(cityAdmin, "/api/v1/units", Api.json("code", Api.uniqueCode("R").substring(0, 9), "parentId",
				district, "nameZh", "恢复演练街道", "level", "STREET")).status()).isEqualTo(201);
		Random random = new Random(18);
		Map<Long, byte[]> uploaded = new LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			Api.Reply problem = api.post(nanan, "/api/v1/problems", Api.json("title", "备份恢复 " + i, "description",
					"恢复后应原样存在", "source", "SELF_FOUND", "categoryCode", "PARKING"));
			assertThat(problem.status()).as(problem.body()).isEqualTo(201);
			long id = problem.json().path("id").asLong();
			for (int file = 0; file <= i % 2; file++) {
				byte[] bytes = file == 0 ? png(random, 2_000 + i * 500) : pdf(random, 3_000);
				Api.Reply attached = api.upload(nanan, "/api/v1/problems/" + id + "/attachments", "f" + file + ".bin", bytes);
				assertThat(attached.status()).as(attached.body()).isEqualTo(201);
				uploaded.put(attached.json().path("id").asLong(), bytes);
			}
		}
		return uploaded;
	}

	private static JsonNode openAccountWithPhone(Api api) {
		Api.Reply opened = api.openAccount(Api.json("username",
				Api.uniqueCode("restore.").toLowerCase(), "displayName", "恢复演练", "unitCode", "500108", "roles",
				List.of(Map.of("role", "UNIT_ADMIN")), "phone", "13800138018", "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode account = opened.json().path("account");
		assertThat(account.path("maskedPhone").asString()).isNotBlank();
		return account;
	}

	/** Every attachment row of the source is in the restored database, and its file downloads byte for byte. */
	private static void assertSameAttachments(Api api, String token, ItPostgres.Database source,
			ItPostgres.Database restored, Map<Long, byte[]> uploaded) throws Exception {
		String query = "select id, problem_id, sha256 from problem_attachment order by id";
		List<List<Object>> rows = rows(restored, query);
		assertThat(rows).isEqualTo(rows(source, query));
		assertThat(rows.stream().map(row -> ((Number) row.get(0)).longValue())).containsAll(uploaded.keySet());
		for (List<Object> row : rows) {
			long id = ((Number) row.get(0)).longValue();
			Api.Download file = api.download(token, "/api/v1/problems/" + row.get(1) + "/attachments/" + id);
			assertThat(file.status()).as("attachment %d", id).isEqualTo(200);
			assertThat(sha256(file.bytes())).as("attachment %d", id).isEqualTo(row.get(2));
			if (uploaded.containsKey(id)) {
				assertThat(file.bytes()).isEqualTo(uploaded.get(id));
			}
		}
	}

	private static byte[] png(Random random, int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		byte[] magic = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		System.arraycopy(magic, 0, bytes, 0, magic.length);
		return bytes;
	}

	private static byte[] pdf(Random random, int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		System.arraycopy("%PDF-".getBytes(), 0, bytes, 0, 5);
		return bytes;
	}

	private static List<List<Object>> rows(ItPostgres.Database database, String sql) throws SQLException {
		try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
			List<List<Object>> rows = new ArrayList<>();
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getObject(i));
				}
				rows.add(row);
			}
			return rows;
		}
	}

	private static long count(ItPostgres.Database database, String sql) throws SQLException {
		return ((Number) rows(database, sql).get(0).get(0)).longValue();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private static void clear(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

}
