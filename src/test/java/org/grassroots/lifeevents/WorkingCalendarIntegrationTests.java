package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.grassroots.shared.Times;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The working-day calendar with the official 2026 calendar the migration ships: counting and
 * adding working days across the Spring Festival, National Day and the New Year with their
 * adjusted working weekends, deadlines in Asia/Shanghai, a year never entered, and a change made
 * behind this node's back seen after the periodic refresh.
 */
@IntegrationTest
class WorkingCalendarIntegrationTests {

	/** A year no other test sets days in, for the change made behind the node's back. */
	static final LocalDate ELSEWHERE = LocalDate.of(2033, 3, 7);

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeBehindTheBack() {
		jdbc.sql("delete from le_calendar_day where cal_date = :day").param("day", ELSEWHERE).update();
		calendar.refresh();
	}

	@Test
	void theSpringFestivalFromFridayThe13th() {
		LocalDate friday = LocalDate.of(2026, 2, 13);
		// the 14th is a Saturday worked, the 15th to the 23rd are off, the 28th is a Saturday worked
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();

		assertThat(calendar.addWorkingDays(friday, 0)).isEqualTo(friday);
		assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(calendar.addWorkingDays(friday, 2)).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(calendar.addWorkingDays(friday, 6)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(calendar.addWorkingDays(friday, 7)).isEqualTo(LocalDate.of(2026, 3, 2));

		assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 2, 23))).isEqualTo(1);
		assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 2, 28))).isEqualTo(6);
		assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 3, 2))).isEqualTo(7);
		assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 2), friday)).isZero();
	}

	@Test
	void nationalDayWithTheTwentiethOfSeptemberAndTheTenthOfOctoberWorked() {
		LocalDate friday = LocalDate.of(2026, 9, 18);
		assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 9, 20));
		// 21-24 worked, the Mid-Autumn Festival 25-27 off, 28-30 worked, 1-7 October off
		assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 9, 24));
		assertThat(calendar.addWorkingDays(friday, 6)).isEqualTo(LocalDate.of(2026, 9, 28));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
		assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 10, 10))).isEqualTo(11);
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
	}

	@Test
	void theNewYearWithTheFourthOfJanuaryWorked() {
		LocalDate lastDayOf2025 = LocalDate.of(2025, 12, 31);
		assertThat(calendar.addWorkingDays(lastDayOf2025, 1)).isEqualTo(LocalDate.of(2026, 1, 4));
		assertThat(calendar.addWorkingDays(lastDayOf2025, 2)).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(calendar.workingDaysBetween(lastDayOf2025, LocalDate.of(2026, 1, 9))).isEqualTo(6);
		assertThat(calendar.workingDaysBetween(lastDayOf2025, LocalDate.of(2026, 1, 3))).isZero();
	}

	@Test
	void theWholeOf2026CountsAsDayByDayAndAsTheOfficialNoticeGives() {
		// 261 weekdays, 19 of them holidays, 6 weekend days worked
		LocalDate before = LocalDate.of(2025, 12, 31);
		assertThat(calendar.workingDaysBetween(before, LocalDate.of(2026, 12, 31))).isEqualTo(248);
		int byDay = 0;
		for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				byDay++;
			}
			// the quick count agrees with walking day by day, whatever the span's first day
			assertThat(calendar.workingDaysBetween(before, day)).as(day.toString()).isEqualTo(byDay);
		}
		assertThat(calendar.addWorkingDays(before, 248)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(calendar.entered(2026)).isTrue();
	}

	@Test
	void deadlinesEndAtTheNextMidnightInShanghai() {
		// Friday the 13th at 10:00 in Shanghai: one working day is the Saturday worked, ending at its midnight
		Instant morning = OffsetDateTime.parse("2026-02-13T10:00:00+08:00").toInstant();
		assertThat(calendar.deadline(morning, 1)).isEqualTo(OffsetDateTime.parse("2026-02-15T00:00:00+08:00").toInstant());
		assertThat(calendar.deadline(morning, 0)).isEqualTo(OffsetDateTime.parse("2026-02-14T00:00:00+08:00").toInstant());
		// 17:00 UTC on the 13th is already the 14th in Shanghai
		Instant night = Instant.parse("2026-02-13T17:00:00Z");
		assertThat(calendar.deadline(night, 1)).isEqualTo(OffsetDateTime.parse("2026-02-25T00:00:00+08:00").toInstant());
		assertThat(night.atZone(Times.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 2, 13), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aYearNeverEnteredCountsMondayToFriday() {
		assertThat(calendar.entered(2031)).isFalse();
		// 1 January 2031 is a Wednesday: no holiday without the year's calendar
		assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
		assertThat(calendar.workingDaysBetween(LocalDate.of(2030, 12, 31), LocalDate.of(2031, 12, 31))).isEqualTo(261);
		assertThat(calendar.addWorkingDays(LocalDate.of(2031, 1, 3), 1)).isEqualTo(LocalDate.of(2031, 1, 6));
	}

	@Test
	void aChangeMadeOnAnotherNodeIsSeenAfterTheRefresh() {
		assertThat(calendar.isWorkingDay(ELSEWHERE)).isTrue();
		// another node's change: only the database knows it
		jdbc.sql("""
				insert into le_calendar_day (cal_date, kind, name_zh, name_en, version, changed_by, changed_at)
				values (:day, 'HOLIDAY', '测试', 'Test', 1, 'test', current_timestamp)
				""").param("day", ELSEWHERE).update();
		assertThat(calendar.isWorkingDay(ELSEWHERE)).as("answered from memory until the refresh").isTrue();

		calendar.refresh();

		assertThat(calendar.isWorkingDay(ELSEWHERE)).isFalse();
		assertThat(calendar.entered(2033)).isTrue();
	}

}
