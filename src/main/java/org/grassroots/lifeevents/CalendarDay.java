package org.grassroots.lifeevents;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A day of the working-day calendar that differs from plain Monday to Friday: a public holiday
 * (a weekend day inside a festival is kept too, for its name) or an adjusted working weekend day
 * (调休), with the festival's name.
 */
public record CalendarDay(LocalDate day, Kind kind, String nameZh, @Nullable String nameEn, int version,
		String changedBy, Instant changedAt) {

	/** What the day is. */
	public enum Kind {

		/** A day off (休). */
		HOLIDAY,
		/** A Saturday or Sunday worked (班). */
		WORKDAY

	}

	/** The festival's name in a language, Chinese when no English name was given. */
	public String name(String lang) {
		return "en".equals(lang) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

	public boolean weekend() {
		return isWeekend(day);
	}

	static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/**
	 * The city administrator's setting of one day: its kind ({@code HOLIDAY} or {@code WORKDAY}),
	 * the festival's name, and the version seen (0 or none for a day not set yet).
	 */
	public record Change(@NotBlank @Size(max = 10) String kind, @NotBlank @Size(max = 40) String nameZh,
			@Nullable @Size(max = 80) String nameEn, @Nullable Integer version) {

	}

}
