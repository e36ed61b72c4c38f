package org.grassroots.lifeevents;

/** A document a life event asks for; one given earlier under the same code is reused. */
public record RequiredDocument(String code, String nameZh, String nameEn) {

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

}
