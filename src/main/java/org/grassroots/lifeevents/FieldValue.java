package org.grassroots.lifeevents;

import org.jspecify.annotations.Nullable;

/**
 * An answer of an application's form, labelled as it was asked. Personal values are masked unless
 * the reader may see them in full.
 */
public record FieldValue(String key, String labelZh, String labelEn, FieldType type, @Nullable String value,
		boolean masked) {

	public String label(String language) {
		return "en".equals(language) ? labelEn : labelZh;
	}

}
