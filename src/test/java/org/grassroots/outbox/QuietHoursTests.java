package org.grassroots.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.grassroots.outbox.internal.QuietHours;
import org.grassroots.shared.Times;
import org.junit.jupiter.api.Test;

/** Quiet hours in Asia/Shanghai: a message written in them waits for their end, an emergency does not. */
class QuietHoursTests {

	final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

	@Test
	void aMessageWrittenAtNightWaitsForEightInTheMorningShanghaiTime() {
		assertThat(night.due(shanghai(2026, 12, 3, 23, 30), false)).isEqualTo(shanghai(2026, 12, 4, 8, 0));
		assertThat(night.due(shanghai(2026, 12, 4, 2, 15), false)).isEqualTo(shanghai(2026, 12, 4, 8, 0));
		assertThat(night.due(shanghai(2026, 12, 3, 22, 0), false)).isEqualTo(shanghai(2026, 12, 4, 8, 0));
	}

	@Test
	void daytimeMessagesAndEmergenciesGoAtOnce() {
		Instant day = shanghai(2026, 12, 3, 8, 0);
		assertThat(night.due(day, false)).isEqualTo(day);
		Instant evening = shanghai(2026, 12, 3, 21, 59);
		assertThat(night.due(evening, false)).isEqualTo(evening);
		Instant midnight = shanghai(2026, 12, 3, 0, 30);
		assertThat(night.due(midnight, true)).isEqualTo(midnight);
		assertThat(new QuietHours(null, null).due(midnight, false)).isEqualTo(midnight);
	}

	@Test
	void aSpanWithinOneDayWorksToo() {
		QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
		assertThat(lunch.due(shanghai(2026, 12, 3, 12, 30), false)).isEqualTo(shanghai(2026, 12, 3, 14, 0));
		assertThat(lunch.due(shanghai(2026, 12, 3, 11, 0), false)).isEqualTo(shanghai(2026, 12, 3, 11, 0));
	}

	private static Instant shanghai(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Times.ZONE).toInstant();
	}

}
