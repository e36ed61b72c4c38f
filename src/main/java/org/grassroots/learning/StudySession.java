package org.grassroots.learning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A party class (PARTY_CLASS) or seminar (SEMINAR) hosted by a unit, with attendance. */
public record StudySession(long id, @Nullable Long planId, String kind, String topic, String speaker, String place,
		long hostUnitId, String hostUnitPath, Instant startsAt, String createdBy, Instant createdAt, int version) {

}
