package org.grassroots.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;

/** The W3C date and time forms clients send as start_date and end_date, and the span they make. */
class DateWindowTests {

	static final Duration LIMIT = Duration.ofDays(90);

	static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

	@Test
	void everyW3cFormIsRead() {
		assertThat(DateWindow.parse("2026-11-25T20:57:00+08:00", "d", false)).isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse("2026-11-25T20:57:00+0800", "d", false)).isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse("2026-11-25T20:57:00 08:00", "d", false)).isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse("2026-11-25T12:57:00Z", "d", false)).isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse("2026-11-25T12:57:00.5-05:00", "d", false)).isEqualTo("2026-11-25T17:57:00.5Z");
		assertThat(DateWindow.parse("2026-11-25T20:57+08", "d", false)).isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse("2026-11-25T20:57:00", "d", false)).as("no offset: the city's")
			.isEqualTo("2026-11-25T12:57:00Z");
		assertThat(DateWindow.parse(" ", "d", false)).isNull();
	}

	@Test
	void aPeriodAloneCoversItsWholeLengthInTheCity() {
		assertThat(DateWindow.parse("2026-11-30", "d", false)).isEqualTo("2026-11-29T16:00:00Z");
		assertThat(DateWindow.parse("2026-11-30", "d", true)).isEqualTo("2026-11-30T15:59:59.999999Z");
		assertThat(DateWindow.parse("2026-11", "d", true)).isEqualTo("2026-11-30T15:59:59.999999Z");
		assertThat(DateWindow.parse("2026", "d", false)).isEqualTo("2025-12-31T16:00:00Z");
	}

	@Test
	void nonsenseIsRefused() {
		for (String wrong : new String[] { "30/11/2026", "2026-13-01", "2026-02-30", "2026-11-30T25:00:00Z", "tomorrow",
				"2026-11-30T10:00:00+2500" }) {
			assertThatThrownBy(() -> DateWindow.parse(wrong, "start_date", false)).as(wrong)
				.isInstanceOf(DomainException.class);
		}
	}

	@Test
	void oneBoundMakesTheOtherNowOrTheLimit() {
		assertThat(DateWindow.of(null, null, NOW, LIMIT, Duration.ofDays(1)))
			.isEqualTo(new DateWindow(NOW.minus(Duration.ofDays(1)), NOW));
		assertThat(DateWindow.of("2026-11-30", null, NOW, LIMIT, LIMIT).end()).isEqualTo(NOW);
		assertThat(DateWindow.of("2000-01-01", null, NOW, LIMIT, LIMIT).end()).isEqualTo("2000-03-30T16:00:00Z");
		assertThat(DateWindow.of(null, "2026-04-30", NOW, LIMIT, LIMIT).start())
			.isEqualTo(Instant.parse("2026-04-30T15:59:59.999999Z").minus(LIMIT));
		assertThatThrownBy(() -> DateWindow.of("2026-11-30", "2026-11-01", NOW, LIMIT, LIMIT))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> DateWindow.of("2026-01-01", "2026-06-01", NOW, LIMIT, LIMIT))
			.isInstanceOf(DomainException.class);
	}

}
