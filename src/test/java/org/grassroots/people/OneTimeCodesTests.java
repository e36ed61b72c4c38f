package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.grassroots.people.internal.OneTimeCodes;
import org.grassroots.shared.CryptoSuite;
import org.junit.jupiter.api.Test;

/** The codes an authenticator app shows: RFC 6238's test vectors (SHA-1, last six digits). */
class OneTimeCodesTests {

	/** The RFC's seed "12345678901234567890" in Base32. */
	static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	final OneTimeCodes codes = new OneTimeCodes();

	@Test
	void theRfcTestVectors() {
		assertThat(codes.code(RFC_SECRET, codes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(codes.code(RFC_SECRET, codes.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(codes.code(RFC_SECRET, codes.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(codes.code(RFC_SECRET, codes.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = codes.step(now);
		assertThat(codes.matchingStep(RFC_SECRET, codes.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(codes.matchingStep(RFC_SECRET, codes.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(codes.matchingStep(RFC_SECRET, codes.code(RFC_SECRET, step + 2), now)).isEmpty();
		assertThat(codes.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(codes.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
	}

	@Test
	void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
		assertThat(codes.uri("Grassroots", "city.admin", RFC_SECRET)).isEqualTo("otpauth://totp/Grassroots:city.admin?secret="
				+ RFC_SECRET + "&issuer=Grassroots&algorithm=SHA1&digits=6&period=30");
		assertThat(codes.newSecret()).matches("[A-Z2-7]{32}");
		assertThat(OneTimeCodes.recoveryHash(CryptoSuite.STANDARD, "abcde-fghij"))
			.isEqualTo(OneTimeCodes.recoveryHash(CryptoSuite.STANDARD, "ABCDEFGHIJ"));
		assertThat(OneTimeCodes.recoveryLookups(CryptoSuite.NATIONAL, "abcde-fghij"))
			.containsExactly(OneTimeCodes.recoveryHash(CryptoSuite.NATIONAL, "ABCDEFGHIJ"),
					OneTimeCodes.recoveryHash(CryptoSuite.STANDARD, "ABCDE-FGHIJ"));
	}

}
