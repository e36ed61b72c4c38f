package org.grassroots.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts personal data at rest (phone numbers of accounts, reports and consent owners;
 * life-event form values, ID card numbers among them; authenticator secrets) with AES-GCM or,
 * under the national algorithms, SM4-GCM, and gives a keyed lookup hash to find a record by the
 * clear value without decrypting every row.
 * <p>
 * A value is written as {@code <cipher>.<key id>.<base64 of IV and sealed bytes>}: it names its
 * algorithm and key, so that values written under an earlier setting or key still read while
 * {@code FieldRekeyer} rewrites them, and nodes can switch one at a time. Values from before
 * that format (plain base64) are AES-GCM under one of the configured keys.
 */
public class FieldCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final CryptoSuite suite;

	private final Key current;

	/** The current key first, then the earlier ones still read. */
	private final List<Key> keys;

	private final SecureRandom random = new SecureRandom();

	/** @param key 32 random bytes; the encryption and lookup keys are derived from it */
	public FieldCipher(byte[] key) {
		this(CryptoSuite.STANDARD, key, List.of());
	}

	/**
	 * @param suite the algorithms new values are written with
	 * @param key the current key, 32 random bytes
	 * @param previous earlier keys, read but never written with, until the values under them are rewritten
	 */
	public FieldCipher(CryptoSuite suite, byte[] key, List<byte[]> previous) {
		this.suite = suite;
		this.current = new Key(key);
		List<Key> all = new ArrayList<>();
		all.add(current);
		previous.stream().map(Key::new).filter(k -> all.stream().noneMatch(known -> known.id.equals(k.id))).forEach(all::add);
		this.keys = List.copyOf(all);
	}

	public CryptoSuite suite() {
		return suite;
	}

	/** The id of the key values are written with now: a hash of it, which reveals nothing of the key. */
	public String currentKeyId() {
		return current.id;
	}

	/** The ids of the earlier keys still read. */
	public List<String> previousKeyIds() {
		return keys.stream().skip(1).map(key -> key.id).toList();
	}

	/** The start of every value written now: values that do not start with it are due for rewriting. */
	public String currentPrefix() {
		return suite.cipherCode() + "." + current.id + ".";
	}

	public boolean isCurrent(String stored) {
		return stored.startsWith(currentPrefix());
	}

	public String encrypt(String clear) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = suite.cipher();
			cipher.init(Cipher.ENCRYPT_MODE, current.encryption(suite), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
			return currentPrefix()
					+ Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		String[] parts = stored.split("\\.", 3);
		if (parts.length == 3) {
			CryptoSuite written = CryptoSuite.ofCipherCode(parts[0]);
			Key key = key(parts[1]);
			if (written == null || key == null) {
				throw new IllegalStateException("cannot decrypt a value written with " + parts[0] + " under key " + parts[1]
						+ ": configure that key in GRASSROOTS_PREVIOUS_FIELD_KEYS");
			}
			return open(written, key, parts[2]);
		}
		// before values named their key: AES-GCM, under the key of that time
		for (Key key : keys) {
			try {
				return open(CryptoSuite.STANDARD, key, stored);
			}
			catch (IllegalStateException wrongKey) {
				// try the next
			}
		}
		throw new IllegalStateException("decryption failed: wrong key or tampered value");
	}

	/** The value written again with the current algorithm and key. */
	public String reencrypt(String stored) {
		return encrypt(decrypt(stored));
	}

	/** A stable keyed hash of the clear value, for equality look-ups: with the current algorithm and key. */
	public String lookupHash(String clear) {
		return current.lookup(suite, clear);
	}

	/**
	 * The lookup hashes the value may be stored under while values are rewritten: the current one
	 * first, then those of the other algorithm and of the earlier keys.
	 */
	public List<String> lookupHashes(String clear) {
		Set<String> all = new LinkedHashSet<>();
		all.add(lookupHash(clear));
		for (Key key : keys) {
			for (CryptoSuite any : CryptoSuite.values()) {
				all.add(key.lookup(any, clear));
			}
		}
		return List.copyOf(all);
	}

	/** Shows the first three and last four digits of a phone number, the rest as asterisks. */
	public static String maskPhone(String phone) {
		if (phone.length() <= 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** An e-mail address with the local part hidden but its first character: {@code w***@example.cn}. */
	public static String maskEmail(String email) {
		int at = email.indexOf('@');
		return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
	}

	private @Nullable Key key(String id) {
		return keys.stream().filter(key -> key.id.equals(id)).findFirst().orElse(null);
	}

	private static String open(CryptoSuite written, Key key, String base64) {
		try {
			byte[] all = Base64.getDecoder().decode(base64);
			Cipher cipher = written.cipher();
			cipher.init(Cipher.DECRYPT_MODE, key.encryption(written), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed: wrong key or tampered value", ex);
		}
	}

	/**
	 * A field key and what is derived from it, per suite: the encryption key and the lookup key,
	 * each the suite's HMAC of the key over the purpose. Its id, which values carry, is a hash of
	 * the key that reveals nothing of it.
	 */
	private static final class Key {

		final String id;

		private final SecretKeySpec[] encryption = new SecretKeySpec[CryptoSuite.values().length];

		private final SecretKeySpec[] lookup = new SecretKeySpec[CryptoSuite.values().length];

		Key(byte[] key) {
			if (key.length != 32) {
				throw new IllegalArgumentException("the field key must be 32 bytes");
			}
			this.id = HexFormat.of().formatHex(hmac(CryptoSuite.STANDARD, key, "key-id")).substring(0, 8);
			for (CryptoSuite suite : CryptoSuite.values()) {
				byte[] derived = hmac(suite, key, "encrypt");
				encryption[suite.ordinal()] = new SecretKeySpec(derived, 0, suite.keyBytes(), suite.keyAlgorithm());
				lookup[suite.ordinal()] = new SecretKeySpec(hmac(suite, key, "lookup"), suite.macAlgorithm());
			}
		}

		SecretKeySpec encryption(CryptoSuite suite) {
			return encryption[suite.ordinal()];
		}

		String lookup(CryptoSuite suite, String clear) {
			try {
				Mac mac = suite.mac();
				mac.init(lookup[suite.ordinal()]);
				return HexFormat.of().formatHex(mac.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static byte[] hmac(CryptoSuite suite, byte[] key, String purpose) {
			try {
				Mac mac = suite.mac();
				mac.init(new SecretKeySpec(key, suite.macAlgorithm()));
				return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
