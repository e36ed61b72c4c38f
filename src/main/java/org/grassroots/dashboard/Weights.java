package org.grassroots.dashboard;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How much each rate counts in a unit's score; the score is the weighted mean of the rates the
 * unit has anything to measure for.
 */
public record Weights(int response, int resolution, int satisfaction, int version, @Nullable String updatedBy,
		@Nullable Instant updatedAt) {

	/** A change of the weights by the city administrator, with the version they saw. */
	public record Change(@Min(0) @Max(100) int response, @Min(0) @Max(100) int resolution,
			@Min(0) @Max(100) int satisfaction, int version) {

	}

}
