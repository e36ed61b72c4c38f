package org.grassroots.problems;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A problem category and its time limits in hours: the first action (accept or decline), and
 * rectification by urgency. Configuration data, edited by the city administrator.
 */
public record Category(String code, @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 100) String nameEn,
		@Min(1) @Max(8760) int responseHours, @Min(1) @Max(8760) int emergencyHours, @Min(1) @Max(8760) int utilityHours,
		@Min(1) @Max(8760) int generalHours, @Min(1) @Max(8760) int complexHours, int sortOrder, int version) {

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

	public int hoursFor(Urgency urgency) {
		return switch (urgency) {
			case EMERGENCY -> emergencyHours;
			case UTILITY -> utilityHours;
			case GENERAL -> generalHours;
			case COMPLEX -> complexHours;
		};
	}

}
