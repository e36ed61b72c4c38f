package org.grassroots.problems;

import java.time.Instant;

/**
 * A file attached to a problem at intake or as evidence; its bytes live under the data directory.
 *
 * @param filePublic whether staff marked it to be shown on the resident's tracking page
 */
public record Attachment(long id, long problemId, String purpose, String fileName, String contentType, long sizeBytes,
		String sha256, String uploadedBy, Instant uploadedAt, boolean filePublic) {

	public boolean image() {
		return contentType.startsWith("image/");
	}

}
