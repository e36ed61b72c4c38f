package org.grassroots.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.grassroots.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * The hash of a record: SHA-256 over the previous hash and every field, each length-prefixed so
 * that no two different records can be written as the same bytes.
 */
final class AuditHash {

	private AuditHash() {
	}

	static String of(AuditEntry entry, String prevHash) {
		StringBuilder text = new StringBuilder();
		field(text, prevHash);
		field(text, String.valueOf(entry.seq()));
		field(text, String.valueOf(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, entry.occurredAt())));
		field(text, entry.actorId() == null ? null : entry.actorId().toString());
		field(text, entry.actorName());
		field(text, entry.kind());
		field(text, entry.subjectType());
		field(text, entry.subjectId());
		field(text, entry.unitPath());
		field(text, entry.before());
		field(text, entry.after());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			text.append("-1:");
		}
		else {
			text.append(value.length()).append(':').append(value);
		}
		text.append('|');
	}

}
