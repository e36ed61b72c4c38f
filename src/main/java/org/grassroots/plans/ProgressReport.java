package org.grassroots.plans;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step of a measure's progress: a person's report, a linked problem that closed, or the
 * owner marking it done; with the evidence files sent with it.
 *
 * @param achieved the progress after this report
 * @param added what this report added (negative when a report corrected the progress down)
 */
public record ProgressReport(long id, long measureId, Kind kind, int achieved, int added, @Nullable String note,
		String reportedBy, Instant reportedAt, List<Evidence> evidence) {

	public ProgressReport {
		evidence = List.copyOf(evidence);
	}

	/** What made the progress. */
	public enum Kind {

		REPORT, PROBLEM_CLOSED, DONE

	}

	/** An evidence file: an image or a PDF, its type decided by its content. */
	public record Evidence(long id, long progressId, String fileName, String contentType, long sizeBytes,
			Instant uploadedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("image")
		public boolean image() {
			return contentType.startsWith("image/");
		}

	}

}
