package org.grassroots.lifeevents;

/** What the city administrator did to the catalogue. */
public enum CatalogueAction {

	PUBLISHED, ACTIVATED, DEACTIVATED

}
