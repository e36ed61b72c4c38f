package org.grassroots.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A typical case (典型案例) as pages and the API see it.
 *
 * @param sourceRef what names the source to people: a problem's ledger number, a measure's id
 * @param actions what was done
 * @param reach where it is (or, before approval, is asked to be) published
 * @param unitId the writing unit
 * @param decidedBy who approved or returned it last
 */
public record TypicalCase(long id, String title, String categoryCode, CaseSource sourceKind, long sourceId,
		String sourceRef, String background, String actions, String result, @Nullable String lessons, CaseReach reach,
		CaseState state, long unitId, String unitPath, String writtenBy, Instant createdAt, Instant updatedAt,
		@Nullable Instant submittedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
		@Nullable String returnReason, @Nullable Instant publishedAt, int version) {

}
