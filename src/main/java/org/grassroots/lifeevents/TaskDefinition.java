package org.grassroots.lifeevents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One department's part of a life event.
 *
 * @param waitsFor the codes of the tasks that must be completed before this one starts
 * @param afterConsent starts only once the owners' consent is confirmed (elevator installation)
 */
public record TaskDefinition(String code, String nameZh, String nameEn, DepartmentKind department, int timeLimitDays,
		@Nullable List<String> waitsFor, boolean afterConsent) {

	public TaskDefinition {
		waitsFor = waitsFor == null ? List.of() : List.copyOf(waitsFor);
	}

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

}
