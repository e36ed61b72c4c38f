package org.grassroots.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.grassroots.audit.ArchiveCheck;
import org.grassroots.audit.AuditArchive;
import org.grassroots.audit.AuditEntry;
import org.grassroots.shared.CryptoSuite;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an archive file through the application, as the verify endpoint checks the kept chain:
 * the file's SHA-256 against its row, then every record's hash recomputed from its columns, every
 * batch's seal from its records, the links from the archive's first hash to its head, and (in the
 * first archive) the earlier chain record by record.
 */
@Component
public class ArchiveFileCheck {

	private final JsonMapper json;

	ArchiveFileCheck(JsonMapper json) {
		this.json = json;
	}

	public ArchiveCheck check(AuditArchive archive, Path file) {
		try {
			Contents contents = read(file);
			if (!contents.sha256().equals(archive.fileSha256())) {
				return broken(0, 0, "the file is not the one archived: its SHA-256 differs");
			}
			return verify(archive, contents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Contents(String sha256, @Nullable JsonNode header, List<JsonNode> seals, List<JsonNode> records) {

	}

	private Contents read(Path file) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		JsonNode header = null;
		List<JsonNode> seals = new ArrayList<>();
		List<JsonNode> records = new ArrayList<>();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256);
				BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				JsonNode node = json.readTree(line);
				if (node.has("archive")) {
					header = node.get("archive");
				}
				else if (node.has("seal")) {
					seals.add(node.get("seal"));
				}
				else if (node.has("record")) {
					records.add(node.get("record"));
				}
			}
			// the digest covers every byte of the file, also what the GZIP reader left unread
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return new Contents(HexFormat.of().formatHex(sha256.digest()), header, seals, records);
	}

	private ArchiveCheck verify(AuditArchive archive, Contents contents) {
		JsonNode header = contents.header();
		if (header == null || contents.seals().isEmpty() || !archive.prevHash().equals(header.path("prevHash").asString())
				|| !archive.headHash().equals(header.path("headHash").asString())
				|| !archive.prevHash().equals(contents.seals().get(0).path("prev_hash").asString())) {
			return broken(0, 0, "the file's header does not name the archive's chain");
		}
		long firstSealed = contents.seals().get(0).path("first_id").asLong();
		List<JsonNode> earlier = contents.records().stream().filter(r -> r.path("id").asLong() < firstSealed).toList();
		// the first archive holds the earlier chain too, whose end the first batch links to
		if (!earlier.isEmpty() && !archive.prevHash().equals(earlierChain(earlier))) {
			return broken(0, 0, "the earlier chain in the file does not verify");
		}
		return verifySeals(archive, contents.seals(), contents.records(), earlier.size(), archive.prevHash());
	}

	private ArchiveCheck verifySeals(AuditArchive archive, List<JsonNode> seals, List<JsonNode> records, long checked,
			String firstPrev) {
		String prev = firstPrev;
		long expectedId = seals.get(0).path("first_id").asLong();
		int next = (int) checked;
		for (JsonNode seal : seals) {
			if (!seal.path("prev_hash").asString().equals(prev) || seal.path("first_id").asLong() != expectedId) {
				return broken(checked, seal.path("id").asLong(), "batch " + seal.path("id").asLong() + " does not link to the one before");
			}
			List<AuditHash.Member> members = new ArrayList<>();
			while (next < records.size() && records.get(next).path("id").asLong() <= seal.path("last_id").asLong()) {
				JsonNode record = records.get(next++);
				String contentHash = text(record, "content_hash");
				if (!AuditHash.contentMatches(entry(record), record.path("chain").asString(), contentHash)) {
					return broken(checked, seal.path("id").asLong(), "record " + record.path("id").asLong() + " does not match its content hash");
				}
				members.add(new AuditHash.Member(record.path("id").asLong(), contentHash));
				checked++;
			}
			String hash = seal.path("hash").asString();
			if (members.size() != seal.path("record_count").asInt() || !AuditHash.seal(CryptoSuite.ofHash(hash), prev,
					seal.path("id").asLong(), seal.path("first_id").asLong(), seal.path("last_id").asLong(), members).equals(hash)) {
				return broken(checked, seal.path("id").asLong(), "the records of batch " + seal.path("id").asLong() + " do not match its seal");
			}
			prev = hash;
			expectedId = seal.path("last_id").asLong() + 1;
		}
		if (!prev.equals(archive.headHash()) || checked != archive.recordCount() || next != records.size()) {
			return broken(checked, seals.size(), "the file ends before the archive's head, or holds more than it");
		}
		return new ArchiveCheck(true, checked, seals.size(), null);
	}

	/** The earlier chain (records from before V45, first archive only): its head, or null when a link breaks. */
	private static @Nullable String earlierChain(List<JsonNode> records) {
		String prev = AuditReader.GENESIS;
		for (JsonNode record : records) {
			AuditEntry entry = entry(record);
			String hash = text(record, "hash");
			String contentHash = text(record, "content_hash");
			boolean linked = prev.equals(text(record, "prev_hash"));
			boolean matches = contentHash == null ? AuditHash.legacy(entry, prev).equals(hash)
					: AuditHash.contentWithId(entry, record.path("chain").asString()).equals(contentHash)
							&& AuditHash.link(prev, entry.seq(), entry.id(), contentHash).equals(hash);
			if (!linked || !matches) {
				return null;
			}
			prev = hash;
		}
		return prev;
	}

	private static AuditEntry entry(JsonNode record) {
		return new AuditEntry(record.path("id").asLong(), record.path("seq").asLong(0),
				Instant.parse(record.path("occurred_at").asString()),
				record.path("actor_id").isNull() || record.path("actor_id").isMissingNode() ? null : record.path("actor_id").asLong(),
				text(record, "actor_name"), text(record, "kind"), text(record, "subject_type"), text(record, "subject_id"),
				text(record, "unit_path"), text(record, "before_state"), text(record, "after_state"));
	}

	private static @Nullable String text(JsonNode record, String column) {
		JsonNode value = record.path(column);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

	private static ArchiveCheck broken(long records, long seals, String reason) {
		return new ArchiveCheck(false, records, seals, reason);
	}

}
