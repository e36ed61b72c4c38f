package org.grassroots.lifeevents;

/** How a vote reached the record: the owner's own link, or the community office from a paper form. */
public enum CastBy {

	LINK, OFFICE

}
