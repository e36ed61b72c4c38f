package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTests {

	@Test
	void aLongValueKeepsItsFirstHundredCharactersAndItsLength() {
		String cut = LogText.cut("9".repeat(1_000_000));
		assertThat(cut).startsWith("9".repeat(LogText.MAX)).endsWith("…(1000000 chars)");
		assertThat(cut.length()).isLessThan(130);
	}

	@Test
	void lineBreaksAndControlCharactersCannotForgeALogLine() {
		assertThat(LogText.cut("a\r\n2026-12-01 ERROR forged\u0000\u001b[31m"))
			.isEqualTo("a\\u000d\\u000a2026-12-01 ERROR forged\\u0000\\u001b[31m");
		assertThat(LogText.cut(null)).isEqualTo("null");
		assertThat(LogText.cut("short")).isEqualTo("short");
	}

	@Test
	void aQueryIsDecodableOnlyWhenItsEscapesAreUtf8() {
		assertThat(ServerErrors.decodable("q=%E9%87%8D%E5%BA%86&lang=en+x")).isTrue();
		assertThat(ServerErrors.decodable("q=%FF%FE")).isFalse();
		assertThat(ServerErrors.decodable("q=%C3%28")).isFalse();
		assertThat(ServerErrors.decodable("q=%ZZ")).isFalse();
		assertThat(ServerErrors.decodable("q=%4")).isFalse();
	}

	@Test
	void aContentTypeMustBeOneConcreteMediaType() {
		assertThat(ServerErrors.concrete("application/json; charset=UTF-8")).isTrue();
		assertThat(ServerErrors.concrete("multipart/form-data")).isTrue();
		assertThat(ServerErrors.concrete("*/*")).isFalse();
		assertThat(ServerErrors.concrete("application/*")).isFalse();
		assertThat(ServerErrors.concrete("no-such;;type")).isFalse();
		assertThat(ServerErrors.concrete("")).isFalse();
	}

}
