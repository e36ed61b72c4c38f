package org.grassroots.people.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.grassroots.shared.CryptoSuite;
import org.springframework.stereotype.Component;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, six digits, 30-second steps, what every
 * authenticator app reads from an {@code otpauth://} QR code), and recovery codes. A code is
 * accepted one step either side of now, for clocks a little apart.
 */
@Component
public class OneTimeCodes {

	private static final Duration STEP = Duration.ofSeconds(30);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final int RECOVERY_CODES = 10;

	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private final SecureRandom random = new SecureRandom();

	/** A new secret of 160 bits, in Base32 as authenticator apps take it. */
	public String newSecret() {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** What the enrolment QR code holds (the Key Uri Format authenticator apps read). */
	public String uri(String issuer, String username, String secret) {
		String label = encode(issuer) + ":" + encode(username);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/** The step a code belongs to, if it is the code of now or of one step either side. */
	public OptionalLong matchingStep(String secret, String code, Instant now) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP.getSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The six digits of a step; tests use it as an authenticator app would. */
	public String code(String secret, long step) {
		try {
			var key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
			return totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public long step(Instant now) {
		return now.getEpochSecond() / STEP.getSeconds();
	}

	/** Ten new recovery codes of ten characters, as {@code xxxxx-xxxxx}. */
	public List<String> newRecoveryCodes() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(c == 5 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * How a recovery code is stored: the hash (SHA-256, or SM3 under the national algorithms) of its
	 * characters without the dash, in lower case. Fifty random bits need no slow hash.
	 */
	public static String recoveryHash(CryptoSuite suite, String code) {
		return suite.hash(normal(code));
	}

	/** The hashes a recovery code may be stored under, whichever algorithms were configured when it was made. */
	public static List<String> recoveryLookups(CryptoSuite suite, String code) {
		return suite.hashesOf(normal(code));
	}

	private static String normal(String code) {
		return code.replace("-", "").replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
