package org.grassroots.lifeevents;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One owner of the building (one owner by headcount), with their exclusive floor area and vote;
 * the phone number only masked.
 *
 * @param affected the work takes part of this owner's own space: their agreement is required
 * @param linkIssued a personal voting link is live for them
 */
public record ConsentOwner(long id, long consentId, String name, String flat, BigDecimal floorArea, boolean affected,
		@Nullable String phoneMasked, @Nullable Vote vote, @Nullable CastBy castBy, @Nullable String recordedBy,
		@Nullable String voteNote, @Nullable Instant votedAt, boolean linkIssued, int version) {

}
