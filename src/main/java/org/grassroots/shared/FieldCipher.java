package org.grassroots.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-GCM (phone numbers of accounts, reports and consent
 * owners; life-event form values, ID card numbers among them; authenticator secrets) and gives a
 * keyed lookup hash to find a record by the clear value without decrypting every row (accounts'
 * and reports' phones so far).
 */
public class FieldCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	/** @param key 32 random bytes; the encryption and lookup keys are derived from it */
	public FieldCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the field key must be 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(derive(key, "encrypt"), "AES");
		this.lookupKey = new SecretKeySpec(derive(key, "lookup"), "HmacSHA256");
	}

	public String encrypt(String clear) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed: wrong key or tampered value", ex);
		}
	}

	/** A stable keyed hash of the clear value, for equality look-ups. */
	public String lookupHash(String clear) {
		return HexFormat.of().formatHex(hmac(lookupKey, clear.getBytes(StandardCharsets.UTF_8)));
	}

	/** Shows the first three and last four digits of a phone number, the rest as asterisks. */
	public static String maskPhone(String phone) {
		if (phone.length() <= 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	private static byte[] derive(byte[] key, String purpose) {
		return hmac(new SecretKeySpec(key, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
