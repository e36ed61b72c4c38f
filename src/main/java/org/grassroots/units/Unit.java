package org.grassroots.units;

import org.jspecify.annotations.Nullable;

/**
 * A node of the hierarchy as other modules and the API see it.
 *
 * @param path materialized path of codes, e.g. {@code /500000/500108/500108002/}
 * @param childCount how many units sit directly below
 */
public record Unit(long id, String code, String nameZh, @Nullable String nameEn, UnitLevel level, Batch batch,
		UnitKind kind, @Nullable Long parentId, String path, int depth, boolean demo, int version, int childCount) {

	/** The name in the given language, Chinese where no English name is known. */
	public String name(String language) {
		return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

	/** The codes from the city down to this unit. */
	public java.util.List<String> pathCodes() {
		return java.util.Arrays.stream(path.split("/")).filter(code -> !code.isEmpty()).toList();
	}

}
