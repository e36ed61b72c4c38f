package org.grassroots.lifeevents;

import java.time.Instant;

/**
 * A life event of the catalogue with its current definition.
 *
 * @param code e.g. {@code NEWBORN}, at most 20 characters
 * @param currentVersion the catalogue version new applications use
 * @param version the optimistic-lock counter of the event's row
 */
public record LifeEvent(String code, int currentVersion, boolean active, int version, EventDefinition definition,
		Instant publishedAt, String publishedBy) {

}
