package org.grassroots.visits;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** A coming reception day as the public sees it: names, place and time, nothing about accounts. */
public record PublicReceptionDay(long id, String cadreName, String cadreTitle, String unitCode, String unitName,
		@Nullable String unitNameEn, String address, LocalDate receptionDate, LocalTime startsAt, LocalTime endsAt,
		@Nullable String topics) {

	public String unitName(String language) {
		return "en".equals(language) && unitNameEn != null && !unitNameEn.isBlank() ? unitNameEn : unitName;
	}

}
