package org.grassroots.cases;

/** Where a typical case stands: written, waiting for the upper unit, published, sent back, or taken down. */
public enum CaseState {

	DRAFT, SUBMITTED, PUBLISHED, RETURNED, WITHDRAWN;

	/** The writer may still change it: a draft, or a case sent back. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
