package org.grassroots.lifeevents.internal.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Owners' personal voting links: 160 random bits each, URL-safe; only their SHA-256 is stored, so
 * a copy of the database cannot vote. A token that cannot be one (wrong length or characters) is
 * answered like an unknown one.
 */
@Component
public class ConsentLinks {

	/** 20 random bytes: 27 characters of URL-safe Base64. */
	private static final int BYTES = 20;

	private static final int LENGTH = 27;

	private final SecureRandom random = new SecureRandom();

	public String newToken() {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static boolean plausible(String token) {
		return token.length() == LENGTH && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	public static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The path of an owner's voting page. */
	public static String path(String token) {
		return "/consent/vote/" + token;
	}

}
