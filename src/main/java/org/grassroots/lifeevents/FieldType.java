package org.grassroots.lifeevents;

/** The type of a form field, which decides its validation; ID cards, phones and addresses are personal data. */
public enum FieldType {

	TEXT, NUMBER, DATE, CHOICE, ID_CARD, PHONE, ADDRESS;

	/** Encrypted at rest, masked in lists, exports and the API. */
	public boolean personal() {
		return this == ID_CARD || this == PHONE || this == ADDRESS;
	}

}
