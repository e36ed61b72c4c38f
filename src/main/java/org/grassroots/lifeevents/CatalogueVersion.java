package org.grassroots.lifeevents;

import java.time.Instant;

/** One published version of a life event's definition; never changed once published. */
public record CatalogueVersion(String eventCode, int version, EventDefinition definition, Instant publishedAt,
		String publishedBy) {

}
