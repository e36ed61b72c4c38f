package org.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.grassroots.support.Api;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Retention: records are written "200 days ago" (the application's clock set back), then, back
 * at today, the sealed batches older than six months go to an archive file and leave the
 * database, the rest still verifies from the archive's last hash, nothing younger is ever
 * archived, and only the security auditor may do it. A database of its own (a fresh H2 file, or
 * a schema of its own in the suite's PostgreSQL database), since archiving removes the oldest
 * records of the whole log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "grassroots.demo=false",
		"grassroots.admin-password=" + AuditArchiveIntegrationTests.PASSWORD, "grassroots.second-factor.required-roles=" })
@Import(AuditArchiveIntegrationTests.ShiftedClock.class)
class AuditArchiveIntegrationTests {

	static final String PASSWORD = "harbour-lantern-orchard-audit";

	static final ShiftableClock CLOCK = new ShiftableClock(Duration.ofDays(-200));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static final Path ARCHIVE_DIR = Path.of("target", "test-data", "audit-archive-" + UUID.randomUUID());

	@Test
	void batchesOlderThanSixMonthsGoToAFileAndTheRestStillVerifies() throws Exception {
		Api api = new Api(port);
		String admin = api.token("auditor", PASSWORD);
		String[] accounts = { api.token("sysadmin", PASSWORD), api.token("secadmin", PASSWORD) };
		for (int i = 0; i < 3; i++) {
			open(api, accounts, "old" + i, "CASEWORKER", "500103");
		}
		assertThat(api.get(admin, "/api/v1/audit/verify").json().path("intact").asBoolean()).as("sealed while old").isTrue();
		long old = count("select count(*) from audit_record");

		CLOCK.shift(Duration.ZERO);
		open(api, accounts, "young", "CASEWORKER", "500103");
		String yuzhong = api.token(open(api, accounts, "yzadmin", "UNIT_ADMIN", "500103"), PASSWORD);
		assertThat(api.post(yuzhong, "/api/v1/audit/archives", "{}").status()).as("only the auditor").isEqualTo(403);
		assertThat(api.post(api.token("admin", PASSWORD), "/api/v1/audit/archives", "{}").status())
			.as("not the city administrator either").isEqualTo(403);
		assertThat(api.post(accounts[0], "/api/v1/audit/archives", "{}").status()).as("nor the system administrator")
			.isEqualTo(403);

		Api.Reply made = api.post(admin, "/api/v1/audit/archives", "{}");
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		JsonNode archive = made.json();
		assertThat(archive.path("fromSeal").asLong()).isEqualTo(1);
		assertThat(archive.path("recordCount").asLong()).isEqualTo(old);
		long toId = archive.path("toId").asLong();
		assertThat(count("select count(*) from audit_record where id <= " + toId)).isZero();
		assertThat(count("select count(*) from audit_seal where id <= " + archive.path("toSeal").asLong())).isZero();
		assertThat(count("select count(*) from audit_record where kind = 'AUDIT_ARCHIVED'")).isOne();

		Path file = ARCHIVE_DIR.resolve(archive.path("fileName").asString());
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
			.isEqualTo(archive.path("fileSha256").asString());
		List<String> lines = lines(file);
		assertThat(lines.get(0)).startsWith("{\"archive\"").contains(archive.path("headHash").asString());
		assertThat(lines.stream().filter(line -> line.startsWith("{\"record\"")).count()).isEqualTo(old);
		assertThat(lines).anyMatch(line -> line.contains("ACCOUNT_CREATED") && line.contains("old0"));
		assertThat(api.download(admin, "/api/v1/audit/archives/" + archive.path("id").asLong() + "/file").bytes())
			.isEqualTo(Files.readAllBytes(file));

		String check = "/api/v1/audit/archives/" + archive.path("id").asLong() + "/check";
		JsonNode checked = api.get(admin, check).json();
		assertThat(checked.path("intact").asBoolean()).as(checked.toString()).isTrue();
		assertThat(checked.path("records").asLong()).isEqualTo(old);
		assertThat(api.get(accounts[0], check).status()).as("the auditor's").isEqualTo(403);
		byte[] original = Files.readAllBytes(file);
		Files.write(file, tampered(original));
		JsonNode changed = api.get(admin, check).json();
		assertThat(changed.path("intact").asBoolean()).isFalse();
		assertThat(changed.path("reason").asString()).contains("SHA-256");
		// and with its row made to agree, as someone with the database could: the record's hash catches it
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		jdbc.sql("update audit_archive set file_sha256 = :sha").param("sha", sha).update();
		JsonNode forgedRow = api.get(admin, check).json();
		jdbc.sql("update audit_archive set file_sha256 = :sha").param("sha", archive.path("fileSha256").asString()).update();
		Files.write(file, original);
		assertThat(forgedRow.path("intact").asBoolean()).isFalse();
		assertThat(forgedRow.path("reason").asString()).contains("does not match its content hash");
		assertThat(api.get(admin, check).json().path("intact").asBoolean()).isTrue();
		PageClient pages = new PageClient(port);
		pages.signIn("auditor", PASSWORD);
		assertThat(pages.get("/audit/integrity?check=" + archive.path("id").asLong()).body())
			.contains("id=\"checked-" + archive.path("id").asLong() + "\"").contains("文件完好：" + old + " 条记录");

		JsonNode verified = api.get(admin, "/api/v1/audit/verify").json();
		assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.path("checked").asLong()).isEqualTo(count("select count(*) from audit_record"));

		Api.Reply again = api.post(admin, "/api/v1/audit/archives", "{}");
		assertThat(again.status()).as("nothing younger than six months is archived").isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("audit.error.nothing-to-archive");
		assertThat(api.get(admin, "/api/v1/audit/archives").json()).hasSize(1);

		String head = jdbc.sql("select archived_hash from audit_chain_head").query(String.class).single();
		jdbc.sql("update audit_chain_head set archived_hash = :forged").param("forged", "0".repeat(64)).update();
		JsonNode forged = api.get(admin, "/api/v1/audit/verify").json();
		jdbc.sql("update audit_chain_head set archived_hash = :head").param("head", head).update();
		assertThat(forged.path("intact").asBoolean()).isFalse();
		assertThat(forged.path("reason").asString()).contains("last archive");
	}

	@Test
	void aRetentionShorterThanSixMonthsIsRefused() {
		assertThatThrownBy(() -> AuditArchives.checked(Period.ofMonths(5))).hasMessageContaining("six months");
		assertThatThrownBy(() -> AuditArchives.checked(Period.ofDays(180))).hasMessageContaining("six months");
		assertThat(AuditArchives.checked(Period.ofMonths(6))).isEqualTo(Period.ofMonths(6));
		assertThat(AuditArchives.checked(Period.ofYears(1))).isEqualTo(Period.ofYears(1));
	}

	private String open(Api api, String[] administrators, String name, String role, String unitCode) {
		String username = name + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(administrators[0], administrators[1], Api.json("username", username, "displayName", name,
				"unitCode", unitCode, "roles", List.of(Map.of("role", role)), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** The archive with one record's actor renamed, compressed again: a file that still reads but is not the one archived. */
	private static byte[] tampered(byte[] original) throws Exception {
		String text = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(original)).readAllBytes(),
				StandardCharsets.UTF_8);
		var bytes = new java.io.ByteArrayOutputStream();
		try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
			out.write(text.replaceFirst("\"actor_name\":\"[^\"]*\"", "\"actor_name\":\"someone.else\"")
				.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static List<String> lines(Path file) throws Exception {
		try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
				StandardCharsets.UTF_8))) {
			return in.lines().toList();
		}
	}

	/** The archive folder; on PostgreSQL a schema of its own; on H2 the suite's settings give each context a fresh file. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
		registry.add("grassroots.audit.archive-dir", ARCHIVE_DIR::toString);
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || !url.startsWith("jdbc:postgresql")) {
			return;
		}
		// a schema of its own in the suite's database: creating one needs no more than owning the database
		String name = "archive_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (var connection = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
				System.getenv("SPRING_DATASOURCE_PASSWORD")); var statement = connection.createStatement()) {
			statement.execute("create schema " + name);
		}
		registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
	}

	@TestConfiguration
	static class ShiftedClock {

		@Bean
		@Primary
		Clock shiftedClock() {
			return CLOCK;
		}

	}

	/** The system clock moved by an offset a test may change. */
	static final class ShiftableClock extends Clock {

		private volatile Duration offset;

		ShiftableClock(Duration offset) {
			this.offset = offset;
		}

		void shift(Duration to) {
			offset = to;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(offset);
		}

	}

}
