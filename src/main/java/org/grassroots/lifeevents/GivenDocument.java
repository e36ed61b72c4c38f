package org.grassroots.lifeevents;

/** A document attached to an application; {@code reused} when it was given in an earlier one. */
public record GivenDocument(long id, String code, String nameZh, String nameEn, String fileName, long sizeBytes,
		boolean reused) {

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

}
