package org.grassroots.lifeevents;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An objection received during the public notice, with the objector's contact masked.
 *
 * @param recordedBy the office account that recorded it, or null when sent on the public notice page
 */
public record ConsentObjection(long id, long consentId, String objector, @Nullable String contactMasked, String objection,
		Instant receivedAt, @Nullable String recordedBy) {

}
