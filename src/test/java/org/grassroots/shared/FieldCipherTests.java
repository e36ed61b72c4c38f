package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void phonesAreMaskedInTheMiddle() {
		assertThat(FieldCipher.maskPhone("13800138000")).isEqualTo("138****8000");
	}

}
