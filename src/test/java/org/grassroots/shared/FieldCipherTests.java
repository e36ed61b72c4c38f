package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

	FieldCipher cipher = new FieldCipher(new byte[32]);

	@Test
	void encryptsWithAFreshNonceAndDecryptsBack() {
		String first = cipher.encrypt("13800138000");
		assertThat(first).isNotEqualTo(cipher.encrypt("13800138000")).doesNotContain("13800138000");
		assertThat(cipher.decrypt(first)).isEqualTo("13800138000");
	}

	@Test
	void theLookupHashIsStableAndKeyed() {
		assertThat(cipher.lookupHash("13800138000")).isEqualTo(cipher.lookupHash("13800138000"));
		byte[] other = new byte[32];
		other[0] = 1;
		assertThat(new FieldCipher(other).lookupHash("13800138000")).isNotEqualTo(cipher.lookupHash("13800138000"));
	}

	@Test
	void aTamperedValueIsRefused() {
		String sealed = cipher.encrypt("13800138000");
		String tampered = (sealed.charAt(20) == 'A' ? "B" : "A");
		assertThatThrownBy(() -> cipher.decrypt(sealed.substring(0, 20) + tampered + sealed.substring(21)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aValueNamesItsAlgorithmAndKey() {
		String sealed = cipher.encrypt("13800138000");
		assertThat(sealed).startsWith("aes.").startsWith(cipher.currentPrefix());
		assertThat(cipher.isCurrent(sealed)).isTrue();
		FieldCipher national = new FieldCipher(CryptoSuite.NATIONAL, new byte[32], List.of());
		assertThat(national.encrypt("13800138000")).startsWith("sm4." + sealed.split("\\.")[1] + ".");
		assertThat(national.isCurrent(sealed)).isFalse();
		assertThat(national.decrypt(sealed)).as("the other algorithm still reads").isEqualTo("13800138000");
		assertThat(cipher.decrypt(national.encrypt("13800138000"))).isEqualTo("13800138000");
	}

	@Test
	void valuesFromBeforeTheFormatReadUnderAnyConfiguredKey() throws Exception {
		byte[] old = key(7);
		String legacy = legacyEncrypt(old, "500108199203150021");
		assertThat(new FieldCipher(old).decrypt(legacy)).isEqualTo("500108199203150021");
		FieldCipher rotated = new FieldCipher(CryptoSuite.NATIONAL, key(8), List.of(old));
		assertThat(rotated.decrypt(legacy)).isEqualTo("500108199203150021");
		assertThat(rotated.reencrypt(legacy)).startsWith(rotated.currentPrefix());
		assertThatThrownBy(() -> new FieldCipher(key(8)).decrypt(legacy)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anEarlierKeyReadsUntilDroppedAndTheMessageNamesTheSetting() {
		FieldCipher before = new FieldCipher(CryptoSuite.NATIONAL, key(1), List.of());
		FieldCipher during = new FieldCipher(CryptoSuite.NATIONAL, key(2), List.of(key(1)));
		FieldCipher after = new FieldCipher(CryptoSuite.NATIONAL, key(2), List.of());
		String old = before.encrypt("13800138000");
		assertThat(during.decrypt(old)).isEqualTo("13800138000");
		assertThat(during.isCurrent(old)).isFalse();
		String rewritten = during.reencrypt(old);
		assertThat(after.decrypt(rewritten)).isEqualTo("13800138000");
		assertThatThrownBy(() -> before.decrypt(rewritten)).as("hence: every node learns the new key before any writes with it")
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> after.decrypt(old)).hasMessageContaining("GRASSROOTS_PREVIOUS_FIELD_KEYS");
	}

	@Test
	void lookupHashesCoverEveryKeyAndAlgorithmCurrentFirst() {
		FieldCipher during = new FieldCipher(CryptoSuite.NATIONAL, key(2), List.of(key(1)));
		List<String> hashes = during.lookupHashes("13800138000");
		assertThat(hashes).hasSize(4).startsWith(during.lookupHash("13800138000"))
			.contains(new FieldCipher(key(1)).lookupHash("13800138000"),
					new FieldCipher(CryptoSuite.NATIONAL, key(1), List.of()).lookupHash("13800138000"));
		assertThat(new FieldCipher(key(2)).lookupHash("x")).isNotEqualTo(during.lookupHash("x"));
	}

	/** GB/T 32905-2016, example 1: SM3("abc"). */
	@Test
	void sm3MatchesTheStandardsExample() {
		assertThat(CryptoSuite.NATIONAL.hash("abc"))
			.isEqualTo("sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(CryptoSuite.STANDARD.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(CryptoSuite.ofHash("sm3:00")).isEqualTo(CryptoSuite.NATIONAL);
		assertThat(CryptoSuite.ofHash("ba78")).isEqualTo(CryptoSuite.STANDARD);
	}

	/** RFC 8998, appendix A.1: SM4 in GCM mode. */
	@Test
	void sm4GcmMatchesRfc8998() throws Exception {
		HexFormat hex = HexFormat.of();
		Cipher cipher = CryptoSuite.NATIONAL.cipher();
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hex.parseHex("0123456789abcdeffedcba9876543210"), "SM4"),
				new GCMParameterSpec(128, hex.parseHex("00001234567800000000abcd")));
		cipher.updateAAD(hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2"));
		byte[] sealed = cipher.doFinal(hex.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
				+ "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa"));
		assertThat(hex.formatHex(sealed)).isEqualTo("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
				+ "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" + "83de3541e4c2b58177e065a9bf7b62ec");
	}

	@Test
	void theSettingNamesOneOfTwoSuites() {
		assertThat(CryptoSuite.named(" National ")).isEqualTo(CryptoSuite.NATIONAL);
		assertThatThrownBy(() -> CryptoSuite.named("sm")).hasMessageContaining("standard or national");
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return key;
	}

	/** How values were written before they named their key: AES-GCM, base64 of IV and sealed bytes. */
	private static String legacyEncrypt(byte[] key, String clear) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		byte[] derived = mac.doFinal("encrypt".getBytes(StandardCharsets.UTF_8));
		byte[] iv = new byte[12];
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, iv));
		byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
		byte[] all = new byte[iv.length + sealed.length];
		System.arraycopy(sealed, 0, all, iv.length, sealed.length);
		return Base64.getEncoder().encodeToString(all);
	}

	@Test
	void phonesAreMaskedInTheMiddle() {
		assertThat(FieldCipher.maskPhone("13800138000")).isEqualTo("138****8000");
	}

}
