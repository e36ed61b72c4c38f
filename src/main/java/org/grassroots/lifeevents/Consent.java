package org.grassroots.lifeevents;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One building's owners' consent to an elevator application, as the office and the audit record see it.
 *
 * @param noticeEndsOn the last day of the public notice (inclusive), in Asia/Shanghai
 * @param closedTally the tally as it stood when the vote closed, or null before
 */
public record Consent(long id, long applicationId, String referenceNumber, long communityUnitId, String unitPath,
		String buildingAddress, ConsentState state, int noticeDays, @Nullable LocalDate noticeStartsOn,
		@Nullable LocalDate noticeEndsOn, Article278.@Nullable Tally closedTally, @Nullable String decisionNote,
		@Nullable String decidedBy, Instant createdAt, @Nullable Instant voteOpenedAt, @Nullable Instant closedAt,
		@Nullable Instant decidedAt, int version) {

}
