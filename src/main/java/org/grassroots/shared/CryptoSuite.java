package org.grassroots.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * The algorithms a deployment uses for hashes, keyed hashes and field encryption: the standard
 * ones from the JDK, or China's national ones (SM3, GB/T 32905; SM4, GB/T 32907) from
 * BouncyCastle, chosen by {@code grassroots.crypto.algorithms}. A hash made with SM3 is written
 * with the prefix {@code sm3:}, so a stored hash says how to check it and both kinds can stand in
 * one chain.
 */
public enum CryptoSuite {

	STANDARD("standard", "aes", "AES", "AES/GCM/NoPadding", 32, "HmacSHA256", "SHA-256", ""),

	NATIONAL("national", "sm4", "SM4", "SM4/GCM/NoPadding", 16, "HMACSM3", "SM3", "sm3:");

	private final String setting;

	private final String cipherCode;

	private final String keyAlgorithm;

	private final String transformation;

	private final int keyBytes;

	private final String macAlgorithm;

	private final String digestAlgorithm;

	private final String hashPrefix;

	CryptoSuite(String setting, String cipherCode, String keyAlgorithm, String transformation, int keyBytes,
			String macAlgorithm, String digestAlgorithm, String hashPrefix) {
		this.setting = setting;
		this.cipherCode = cipherCode;
		this.keyAlgorithm = keyAlgorithm;
		this.transformation = transformation;
		this.keyBytes = keyBytes;
		this.macAlgorithm = macAlgorithm;
		this.digestAlgorithm = digestAlgorithm;
		this.hashPrefix = hashPrefix;
	}

	/** The suite a setting names: {@code standard} or {@code national}. */
	public static CryptoSuite named(@Nullable String setting) {
		for (CryptoSuite suite : values()) {
			if (suite.setting.equalsIgnoreCase(setting == null ? "" : setting.strip())) {
				return suite;
			}
		}
		throw new IllegalArgumentException(
				"grassroots.crypto.algorithms must be standard or national, not '" + setting + "'");
	}

	/** The suite a stored hash was made with, by its prefix. */
	public static CryptoSuite ofHash(@Nullable String stored) {
		return stored != null && stored.startsWith(NATIONAL.hashPrefix) ? NATIONAL : STANDARD;
	}

	/** The suite whose ciphertexts start with this code, or null. */
	static @Nullable CryptoSuite ofCipherCode(String code) {
		for (CryptoSuite suite : values()) {
			if (suite.cipherCode.equals(code)) {
				return suite;
			}
		}
		return null;
	}

	public String setting() {
		return setting;
	}

	/** The hash of a text's UTF-8 bytes: hex, after the suite's prefix. */
	public String hash(CharSequence text) {
		return hash(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	public String hash(byte[] bytes) {
		return hashPrefix + HexFormat.of().formatHex(digest().digest(bytes));
	}

	/**
	 * The hashes a secret (a token, a key, a code) may be stored under: this suite's first, then
	 * the other's, so that what was stored before a switch is still found.
	 */
	public List<String> hashesOf(String text) {
		return this == STANDARD ? List.of(STANDARD.hash(text), NATIONAL.hash(text))
				: List.of(NATIONAL.hash(text), STANDARD.hash(text));
	}

	public MessageDigest digest() {
		try {
			return this == NATIONAL ? MessageDigest.getInstance(digestAlgorithm, Bouncy.PROVIDER)
					: MessageDigest.getInstance(digestAlgorithm);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String cipherCode() {
		return cipherCode;
	}

	String keyAlgorithm() {
		return keyAlgorithm;
	}

	int keyBytes() {
		return keyBytes;
	}

	String macAlgorithm() {
		return macAlgorithm;
	}

	Cipher cipher() throws GeneralSecurityException {
		return this == NATIONAL ? Cipher.getInstance(transformation, Bouncy.PROVIDER) : Cipher.getInstance(transformation);
	}

	Mac mac() throws GeneralSecurityException {
		return this == NATIONAL ? Mac.getInstance(macAlgorithm, Bouncy.PROVIDER) : Mac.getInstance(macAlgorithm);
	}

	/** Loaded only when a national algorithm is used; not registered with the JDK, so nothing else changes. */
	private static final class Bouncy {

		static final Provider PROVIDER = new BouncyCastleProvider();

	}

}
