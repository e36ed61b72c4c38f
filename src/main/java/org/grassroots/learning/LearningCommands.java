package org.grassroots.learning;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Commands of the learning module, checked inside the module. */
public final class LearningCommands {

	private LearningCommands() {
	}

	/** A plan for a unit's subtree; the unit defaults to the administrator's own. */
	public record NewPlan(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String materials,
			@Nullable @Size(max = 2000) String links, @Nullable Long unitId, @NotNull LocalDate periodStart,
			@NotNull LocalDate periodEnd, @Min(1) @Max(1000) int requiredCount) {

	}

	public record NewPoint(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "CHECK_IN_POINT|CHARGING_STATION") String kind, @Nullable Long unitId,
			@Nullable @Size(max = 300) String address, @Nullable @Size(max = 200) String openingHours,
			@Nullable @Size(max = 2000) String materials, boolean restricted) {

	}

	public record NewSession(@Nullable Long planId, @NotBlank @Pattern(regexp = "PARTY_CLASS|SEMINAR") String kind,
			@NotBlank @Size(max = 200) String topic, @NotBlank @Size(max = 100) String speaker,
			@NotBlank @Size(max = 200) String place, @Nullable Long hostUnitId, @NotNull Instant startsAt) {

	}

}
