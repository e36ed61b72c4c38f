package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which Idempotency-Key values are taken: printable ASCII, 1 to 255 characters. */
class IdempotencyTests {

	@Test
	void printableAsciiUpTo255CharactersIsAKey() {
		assertThatCode(() -> Idempotency.check("3f1c2a9e-6b0d-4c55-9d7e-0a8b7c6d5e4f")).doesNotThrowAnyException();
		assertThatCode(() -> Idempotency.check("order 42 / retry ~!@#$%^&*()")).doesNotThrowAnyException();
		assertThatCode(() -> Idempotency.check("k".repeat(255))).doesNotThrowAnyException();
	}

	@Test
	void anythingElseIsRefusedWith400() {
		for (String key : new String[] { "", "k".repeat(256), "tab\there", "new\nline", "键", "nul\u0000", "del\u007f" }) {
			assertThatThrownBy(() -> Idempotency.check(key)).isInstanceOfSatisfying(DomainException.class,
					refused -> org.assertj.core.api.Assertions.assertThat(refused.messageKey())
						.isEqualTo("error.idempotency-key.invalid"));
		}
	}

}
