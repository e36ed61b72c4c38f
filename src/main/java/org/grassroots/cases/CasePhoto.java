package org.grassroots.cases;

import java.time.Instant;

/** A photo of a typical case; its bytes are served only to those who may read the case. */
public record CasePhoto(long id, long caseId, String fileName, String contentType, long sizeBytes, Instant uploadedAt) {

}
