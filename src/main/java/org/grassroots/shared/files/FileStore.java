package org.grassroots.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import org.grassroots.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps attachment bytes under the data directory. The type is decided by the file's first bytes,
 * never by its name, and only images and PDF up to 10 MB are taken.
 */
@Component
public class FileStore {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final Path root;

	private final Clock clock;

	FileStore(@Value("${grassroots.attachments-dir:${grassroots.data-dir}/attachments}") Path root, Clock clock) {
		this.root = root;
		this.clock = clock;
	}

	/** A stored file: its sniffed type, digest and storage key. */
	public record Stored(String contentType, String sha256, String storageKey, long size) {

	}

	/** Checks the upload; refuses it with 400 before anything is written. */
	public static String check(Upload upload) {
		if (upload.bytes().length > MAX_BYTES) {
			throw DomainException.invalid("files.error.too-large", upload.fileName(), 10);
		}
		String type = sniff(upload.bytes());
		if (type == null) {
			throw DomainException.invalid("files.error.type", upload.fileName());
		}
		return type;
	}

	public Stored store(Upload upload) {
		String type = check(upload);
		var day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		String key = day.getYear() + "/" + String.format("%02d", day.getMonthValue()) + "/" + UUID.randomUUID();
		try {
			Path file = root.resolve(key);
			Files.createDirectories(file.getParent());
			Files.write(file, upload.bytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Stored(type, sha256(upload.bytes()), key, upload.bytes().length);
	}

	public Path path(String storageKey) {
		Path file = root.resolve(storageKey).normalize();
		if (!file.startsWith(root.normalize())) {
			throw new IllegalArgumentException("storage key outside the attachment folder");
		}
		return file;
	}

	/** The media type by magic number: JPEG, PNG, GIF, WebP or PDF; null for anything else. */
	static @Nullable String sniff(byte[] bytes) {
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (starts(bytes, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return "image/webp";
		}
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		return null;
	}

	private static boolean starts(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
