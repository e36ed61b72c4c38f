package org.grassroots.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mechanism (长效机制 / 建章立制) a unit adopted because of the campaign, with what prompted it.
 *
 * @param appliesTo what and whom it covers, in words (e.g. 全区老旧小区加装电梯)
 * @param body its text, if written out here
 * @param fileName the attached document's name, if any
 * @param unitId the adopting unit
 */
public record Mechanism(long id, String title, String appliesTo, LocalDate adoptedOn, @Nullable String body,
		long unitId, String unitPath, @Nullable String fileName, @Nullable String fileType, @Nullable Long fileSize,
		String adoptedBy, Instant createdAt, Instant updatedAt, int version, List<Prompt> prompts) {

	public Mechanism {
		prompts = List.copyOf(prompts);
	}

	/** What prompted a mechanism: a problem or a typical case. */
	public enum PromptKind {

		PROBLEM, CASE

	}

	/**
	 * One prompt.
	 *
	 * @param refId the problem's or the case's id
	 * @param label the problem's ledger number or the case's title
	 */
	public record Prompt(PromptKind kind, long refId, String label) {

	}

	public Mechanism withPrompts(List<Prompt> found) {
		return new Mechanism(id, title, appliesTo, adoptedOn, body, unitId, unitPath, fileName, fileType, fileSize,
				adoptedBy, createdAt, updatedAt, version, found);
	}

}
