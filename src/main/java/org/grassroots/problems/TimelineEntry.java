package org.grassroots.problems;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One event in a problem's history. Public entries are shown to the resident who reported it. */
public record TimelineEntry(long id, ProblemAction action, @Nullable ProblemState fromState, ProblemState toState,
		String actorName, @Nullable String actorUnit, @Nullable String note, boolean publicNote, Instant at) {

}
