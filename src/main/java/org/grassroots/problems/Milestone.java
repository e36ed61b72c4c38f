package org.grassroots.problems;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stage of a long-term problem with its own deadline. */
public record Milestone(long id, int seq, String title, Instant deadline, @Nullable Instant doneAt) {

}
