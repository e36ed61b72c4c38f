package org.grassroots.visits;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A published petition-reception day (接访日): who receives, where and when.
 *
 * @param cadreTitle the cadre's post as residents know it, e.g. 区委副书记
 * @param unitId the unit whose residents it serves
 */
public record ReceptionDay(long id, long cadreAccountId, String cadreName, String cadreTitle, long unitId,
		String unitPath, String address, LocalDate receptionDate, LocalTime startsAt, LocalTime endsAt,
		@Nullable String topics, boolean cancelled, @Nullable String cancelReason, int version) {

}
