package org.grassroots.visits;

import java.time.Instant;

/** A photo taken on a visit; its bytes are served only to those who may see the visit. */
public record VisitPhoto(long id, long visitId, String fileName, String contentType, long size, Instant createdAt) {

}
