package org.grassroots.lifeevents.internal;

import java.util.Map;

import org.grassroots.lifeevents.DepartmentKind;
import org.grassroots.lifeevents.DepartmentMappings;
import org.grassroots.people.DemoDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo data: Nan'an's departments mapped to every kind of task, and four of Yuzhong's. */
@Component
class DemoLifeEvents {

	private static final Map<DepartmentKind, String> NANAN = Map.of(DepartmentKind.HOUSING, "500108-D01",
			DepartmentKind.PLANNING, "500108-D02", DepartmentKind.URBAN_MANAGEMENT, "500108-D03",
			DepartmentKind.MARKET_SUPERVISION, "500108-D04", DepartmentKind.HEALTH, "500108-D05",
			DepartmentKind.PUBLIC_SECURITY, "500108-D06", DepartmentKind.HUMAN_RESOURCES, "500108-D07",
			DepartmentKind.MEDICAL_INSURANCE, "500108-D08", DepartmentKind.EDUCATION, "500108-D09",
			DepartmentKind.CIVIL_AFFAIRS, "500108-D10");

	/** Enough for Yuzhong's residents to apply for the health events and the elevator. */
	private static final Map<DepartmentKind, String> YUZHONG = Map.of(DepartmentKind.HEALTH, "500103-D01",
			DepartmentKind.PLANNING, "500103-D02", DepartmentKind.HOUSING, "500103-D03",
			DepartmentKind.MARKET_SUPERVISION, "500103-D04");

	private final DepartmentMappings mappings;

	DemoLifeEvents(DepartmentMappings mappings) {
		this.mappings = mappings;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		NANAN.forEach((kind, code) -> mappings.mapAsSystem("500108", kind, code));
		YUZHONG.forEach((kind, code) -> mappings.mapAsSystem("500103", kind, code));
	}

}
