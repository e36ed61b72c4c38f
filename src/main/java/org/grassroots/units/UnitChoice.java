package org.grassroots.units;

import org.jspecify.annotations.Nullable;

/** A unit offered by a picker, with its parent's name to tell apart units of the same name. */
public record UnitChoice(Unit unit, @Nullable String parentNameZh, @Nullable String parentNameEn) {

	public String name(String language) {
		return unit.name(language);
	}

	public @Nullable String parentName(String language) {
		if (parentNameZh == null) {
			return null;
		}
		return "en".equals(language) && parentNameEn != null && !parentNameEn.isBlank() ? parentNameEn : parentNameZh;
	}

}
