package org.grassroots.lifeevents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The city administrator's commands on the catalogue, as pages and the API send them. */
public final class CatalogueCommands {

	private CatalogueCommands() {
	}

	/**
	 * A new version of an event's definition.
	 *
	 * @param version the event's row version the administrator saw (0 for a new event)
	 */
	public record Publish(int version, @NotNull @Valid EventDefinition definition) {

	}

	/** Offers the event to residents or withdraws it; filed applications go on either way. */
	public record SetActive(int version, boolean active) {

	}

}
