package org.grassroots.problems;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One event in a problem's history. Public entries are shown to the resident who reported it.
 *
 * @param actorName the person's display name, or {@link #SYSTEM} or {@link #RESIDENT}, or the
 * name of an Open311 client that relayed a resident's comment
 * @param actorUnit the Chinese name of the actor's unit when the entry was written
 * @param actorUnitId the actor's unit, for its name in the reader's language (none on older entries)
 */
public record TimelineEntry(long id, ProblemAction action, @Nullable ProblemState fromState, ProblemState toState,
		String actorName, @Nullable String actorUnit, @Nullable Long actorUnitId, @Nullable String note,
		boolean publicNote, Instant at) {

	/** The actor of what the application did by itself: deadlines, automatic supervision, a parent's closure. */
	public static final String SYSTEM = "system";

	/** The actor of what a resident did: a report, a rating. */
	public static final String RESIDENT = "resident";

}
