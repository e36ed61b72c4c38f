package org.grassroots.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.GrassrootsProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key for personal data at rest: configured, or created once in the data directory. */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

	@Bean
	CryptoSuite cryptoSuite(GrassrootsProperties properties) {
		return CryptoSuite.named(properties.crypto().algorithms());
	}

	@Bean
	FieldCipher fieldCipher(GrassrootsProperties properties, CryptoSuite suite) {
		return new FieldCipher(suite, currentKey(properties), previousKeys(properties.crypto().previousFieldKeys()));
	}

	private static byte[] currentKey(GrassrootsProperties properties) {
		if (properties.fieldKey() != null && !properties.fieldKey().isBlank()) {
			return Base64.getDecoder().decode(properties.fieldKey().trim());
		}
		return keyFile(properties.dataDir().resolve("field.key"));
	}

	private static List<byte[]> previousKeys(@Nullable String setting) {
		if (setting == null || setting.isBlank()) {
			return List.of();
		}
		return Arrays.stream(setting.split(",")).map(String::strip).filter(key -> !key.isEmpty())
			.map(key -> Base64.getDecoder().decode(key)).toList();
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system: rely on the directory's permissions
			}
			log.warn("Created a new key for personal data at {}: back it up, or set GRASSROOTS_FIELD_KEY", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the field key " + file, ex);
		}
	}

}
