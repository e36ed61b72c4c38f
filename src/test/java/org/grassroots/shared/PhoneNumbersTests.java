package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers as residents and Open311 clients write them, and their one stored form. */
class PhoneNumbersTests {

	@ParameterizedTest(name = "{0} is kept as {1}")
	@CsvSource(delimiter = '|', value = {
			"13800138000|13800138000",
			"138 0013 8000|13800138000",
			"138-0013-8000|13800138000",
			"+86 138 0013 8000|13800138000",
			"+8613800138000|13800138000",
			"0086 138 0013 8000|13800138000",
			"＋８６　１３８－００１３－８０００|13800138000",
			"１３８００１３８０００|13800138000",
			"023-63851234|023-63851234",
			"(023) 6385 1234|023-63851234",
			"02363851234|023-63851234",
			"010-62345678|010-62345678",
			"0851-8612345|0851-8612345",
			"+86 23 6385 1234|023-63851234",
			"023-63851234-8001|023-63851234-8001",
			"023 6385 1234 ext 8001|023-63851234-8001",
			"023 6385 1234 ext. 8001|023-63851234-8001",
			"023-63851234 转 8001|023-63851234-8001",
			"023-63851234分机8001|023-63851234-8001",
			"+1 415 555 0100|+14155550100",
			"+1 (415) 555-0100|+14155550100",
			"+44 20 7946 0958|+442079460958",
			"001 415 555 0100|+14155550100",
			"+1 415 555 0100 x12|+14155550100-12" })
	void everyFormOfARealNumberIsKeptInOneForm(String given, String stored) {
		assertThat(PhoneNumbers.normalize(given)).contains(stored);
	}

	@ParameterizedTest(name = "{0} is not a phone number")
	@ValueSource(strings = { "12", "123", "63851234", "1380013800", "138001380001", "12345678901", "call me",
			"javascript:alert(1)", "023-0385123", "+0 123 4567 890", "+1 23", "+1234567890123456",
			"13800138000-8001", "023-63851234-1234567", "1 3 8 0 0 1 3 8 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0" })
	void whatCannotBeAPhoneNumberIsRefused(String given) {
		assertThat(PhoneNumbers.normalize(given)).isEmpty();
	}

	@ParameterizedTest(name = "{0} masks as {1}")
	@CsvSource(delimiter = '|', value = { "13800138000|138****8000", "023-63851234|023*****1234", "+14155550100|+14*****0100" })
	void theStoredFormsMaskLikeAMobile(String stored, String masked) {
		assertThat(FieldCipher.maskPhone(stored)).isEqualTo(masked);
	}

}
