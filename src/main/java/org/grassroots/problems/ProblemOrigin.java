package org.grassroots.problems;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The record of another module on which a problem was collected (a visit), kept generic so that
 * the problems module knows no other module: the problem page links to {@link #link()} with the label.
 *
 * @param kind what the record is, e.g. {@code VISIT}
 * @param id its id in its own module
 * @param label how the problem page names it, e.g. the visit's date, kind and place
 */
public record ProblemOrigin(@NotBlank @Size(max = 24) String kind, long id, @NotBlank @Size(max = 200) String label) {

	/** The page of the record: {@code /visits/42} for a visit, by the convention of one page per record. */
	public String link() {
		return "/" + kind.toLowerCase(java.util.Locale.ROOT) + "s/" + id;
	}

}
