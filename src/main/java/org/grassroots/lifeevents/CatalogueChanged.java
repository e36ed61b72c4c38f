package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A life event's definition was published in a new version, or the event was switched on or off. */
public record CatalogueChanged(CatalogueAction action, String eventCode, int catalogueVersion) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_CATALOGUE_" + action.name();
	}

	@Override
	public String subjectType() {
		return "LIFE_EVENT";
	}

	@Override
	public String subjectId() {
		return eventCode;
	}

	/** The catalogue is the city's. */
	@Override
	public @Nullable String unitPath() {
		return "/500000/";
	}

}
