package org.grassroots.dashboard;

import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One topic a month (每月一题): the problem category the city office picked for a month, with a
 * short note; changed with the version seen.
 */
public record Topic(YearMonth month, String categoryCode, String categoryZh, String categoryEn, String note,
		int version, String chosenBy, Instant chosenAt) {

	public String categoryName(String lang) {
		return "en".equals(lang) ? categoryEn : categoryZh;
	}

	/**
	 * The city office's pick for a month: the category, a note, and the version seen (0 when the
	 * month has no topic yet).
	 */
	public record Choice(@NotBlank @Size(max = 40) String category, @NotBlank @Size(max = 200) String note,
			@Nullable Integer version) {

	}

}
