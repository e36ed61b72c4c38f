package org.grassroots.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Units by code, id or name, for a module that shows or filters by units without depending on
 * the units module (the audit log). The units module answers.
 */
public interface UnitNames {

	/** What a page needs to name a unit, and to filter by its subtree. */
	record Named(long id, String code, String path, String nameZh, @Nullable String nameEn) {

		/** The name in the given language, Chinese where no English name is known. */
		public String name(String language) {
			return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
		}

	}

	/** Units by code whatever the scope: for naming the units a visible record refers to. */
	Map<String, Named> byCodes(Collection<String> codes);

	/** Units by id whatever the scope: for naming the units a visible record refers to. */
	Map<Long, Named> byIds(Collection<Long> ids);

	/**
	 * The unit a person typed or picked: by its code, or by a name that only one unit in the scope
	 * bears. A miss is bad input (400) in the person's language, the same for a unit outside the
	 * scope as for no unit at all.
	 */
	Named resolve(String text, DataScope scope);

	/** Codes of the units in the scope whose name, in either language, is this text; at most {@code limit}. */
	List<String> codesNamed(String name, DataScope scope, int limit);

}
