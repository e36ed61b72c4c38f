package org.grassroots.plans;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A step of a work measure with its own due day; done once someone marks it. */
public record MeasureMilestone(long id, long measureId, String title, LocalDate dueOn, @Nullable Instant doneAt,
		@Nullable String doneBy) {

}
