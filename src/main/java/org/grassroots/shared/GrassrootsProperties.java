package org.grassroots.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a Grassroots deployment.
 *
 * @param dataDir where the embedded database, keys and files live
 * @param demo {@code true}, {@code false}, or {@code auto}: demo data on the embedded database only
 * @param adminPassword the first city administrator's password; generated and logged once when empty
 * @param fieldKey base64 of 32 bytes for encrypting personal data; kept in the data directory when empty
 */
@ConfigurationProperties("grassroots")
public record GrassrootsProperties(Path dataDir, String demo, String adminPassword, String fieldKey) {

}
