package org.grassroots.lifeevents;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One resident's application for a life event, filed under one catalogue version.
 *
 * @param communityPath the materialized path of the community it concerns: scope and figures count there
 * @param consent PENDING, CONFIRMED or REFUSED for an event that needs the owners' consent
 * @param deadline filing day plus the event's time limit in working days
 * @param returnCategory a {@link RejectCategory} or {@link RejectCategory#CONSENT_REFUSED}
 */
public record Application(long id, String reference, String eventCode, int eventVersion, String eventNameZh,
		String eventNameEn, long applicantId, String applicantName, long communityId, String communityPath,
		long districtId, ApplicationState state, @Nullable String consent, Instant filedAt, LocalDate filedOn,
		LocalDate deadline, boolean overdue, @Nullable Instant completedAt, @Nullable Instant returnedAt,
		@Nullable String returnCategory, @Nullable String returnReason, @Nullable Long returnTaskId,
		@Nullable Rating rating, @Nullable String ratingComment, @Nullable Instant ratedAt, int version) {

	public String eventName(String language) {
		return "en".equals(language) ? eventNameEn : eventNameZh;
	}

}
