package org.grassroots.outbox.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;

/**
 * Hours in Asia/Shanghai when nothing but an emergency is sent; a message written then waits for
 * their end. The span may cross midnight (22:00 to 08:00).
 */
public record QuietHours(@Nullable LocalTime from, @Nullable LocalTime until) {

	/** When a message written at {@code now} may go. */
	public Instant due(Instant now, boolean emergency) {
		if (emergency || from == null || until == null || from.equals(until)) {
			return now;
		}
		ZonedDateTime local = now.atZone(Times.ZONE);
		LocalTime time = local.toLocalTime();
		boolean crossesMidnight = from.isAfter(until);
		boolean quiet = crossesMidnight ? !time.isBefore(from) || time.isBefore(until)
				: !time.isBefore(from) && time.isBefore(until);
		if (!quiet) {
			return now;
		}
		ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
		return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
	}

}
