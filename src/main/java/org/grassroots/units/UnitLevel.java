package org.grassroots.units;

/** The four levels of the hierarchy; a county is a DISTRICT-level unit. */
public enum UnitLevel {

	CITY, DISTRICT, STREET, COMMUNITY;

	/** The batch a unit of this level belongs to unless told otherwise. */
	public Batch defaultBatch() {
		return this == CITY || this == DISTRICT ? Batch.FIRST : Batch.SECOND;
	}

	/** Reads a level as written in files: the enum name or the reference data's lower-case words. */
	public static UnitLevel parse(String text) {
		String value = text.trim().toUpperCase(java.util.Locale.ROOT);
		return "COUNTY".equals(value) ? DISTRICT : valueOf(value);
	}

}
