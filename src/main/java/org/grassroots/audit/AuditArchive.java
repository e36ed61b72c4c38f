package org.grassroots.audit;

import java.time.Instant;

/**
 * Sealed batches {@code fromSeal} to {@code toSeal} (and every record up to {@code toId}) moved to a
 * file: {@code prevHash} is the chain before them, {@code headHash} the hash of the last, which the
 * first batch kept links to; {@code fileSha256} proves the file unchanged.
 */
public record AuditArchive(long id, long fromSeal, long toSeal, long toId, long recordCount, String prevHash,
		String headHash, Instant newestAt, String fileName, String fileSha256, Instant archivedAt, String archivedBy) {

}
