package org.grassroots.learning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A check-in point or charging station. A restricted point takes check-ins only from members of
 * its own district.
 */
public record LearningPoint(long id, String name, String kind, long unitId, String unitPath, @Nullable String address,
		@Nullable String openingHours, @Nullable String materials, boolean restricted, String createdBy,
		Instant createdAt, int version) {

	/** The path of the district the point lies in (the city itself for a city point). */
	public String districtPath() {
		return districtOf(unitPath);
	}

	/** The path of the district a unit path lies in (the city itself for the city's path). */
	public static String districtOf(String unitPath) {
		String[] codes = unitPath.substring(1).split("/");
		return codes.length < 2 ? unitPath : "/" + codes[0] + "/" + codes[1] + "/";
	}

}
