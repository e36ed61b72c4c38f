package org.grassroots.lifeevents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a life event's form.
 *
 * @param key unique within the definition, e.g. {@code childName}
 * @param profileKey where the answer is kept for the person's later applications (e.g.
 * {@code mother.idCard}); none: asked every time
 * @param options the choices of a CHOICE field (their codes; labels are the codes themselves unless
 * given as {@code code|中文|English})
 * @param pattern a regular expression a TEXT value must match, if any
 */
public record FormField(String key, String labelZh, String labelEn, FieldType type, boolean required,
		@Nullable String profileKey, @Nullable List<String> options, @Nullable String pattern) {

	public FormField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public String label(String language) {
		return "en".equals(language) ? labelEn : labelZh;
	}

}
