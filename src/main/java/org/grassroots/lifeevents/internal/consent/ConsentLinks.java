package org.grassroots.lifeevents.internal.consent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.grassroots.shared.CryptoSuite;
import org.springframework.stereotype.Component;

/**
 * Owners' personal voting links: 160 random bits each, URL-safe; only their hash (SHA-256, or SM3 under the national algorithms) is stored, so
 * a copy of the database cannot vote. A token that cannot be one (wrong length or characters) is
 * answered like an unknown one.
 */
@Component
public class ConsentLinks {

	/** 20 random bytes: 27 characters of URL-safe Base64. */
	private static final int BYTES = 20;

	private static final int LENGTH = 27;

	private final CryptoSuite suite;

	ConsentLinks(CryptoSuite suite) {
		this.suite = suite;
	}

	private final SecureRandom random = new SecureRandom();

	public String newToken() {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static boolean plausible(String token) {
		return token.length() == LENGTH && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	/** How a link is stored: its hash with the configured algorithms. */
	public String stored(String token) {
		return suite.hash(token);
	}

	/** The hashes a link may be stored under, whichever algorithms were configured when it was made. */
	public static List<String> lookups(String token) {
		return CryptoSuite.STANDARD.hashesOf(token);
	}

	/** The path of an owner's voting page. */
	public static String path(String token) {
		return "/consent/vote/" + token;
	}

}
