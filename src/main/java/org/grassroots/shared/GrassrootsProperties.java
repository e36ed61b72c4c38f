package org.grassroots.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a Grassroots deployment.
 *
 * @param dataDir where the embedded database, keys and files live
 * @param demo {@code true}, {@code false}, or {@code auto}: demo data on the embedded database only
 * @param adminPassword the first city administrator's password; generated and logged once when empty
 * @param fieldKey base64 of 32 bytes for encrypting personal data; kept in the data directory when empty
 * @param crypto the algorithms, and the earlier field keys still read
 */
@ConfigurationProperties("grassroots")
public record GrassrootsProperties(Path dataDir, String demo, String adminPassword, String fieldKey,
		@DefaultValue Crypto crypto) {

	/**
	 * @param algorithms {@code standard} (SHA-256, HMAC-SHA256, AES-GCM) or {@code national} (SM3, HMAC-SM3, SM4-GCM)
	 * @param previousFieldKeys earlier field keys, base64, comma-separated: read until the values under them are rewritten
	 */
	public record Crypto(@DefaultValue("standard") String algorithms, @Nullable String previousFieldKeys) {

	}

}
