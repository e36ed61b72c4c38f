package org.grassroots.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying the audit log.
 *
 * @param firstBrokenSeq the first record of the chain before V45 whose hash or link does not match
 * @param firstBrokenSeal the first sealed batch (since V45) that does not match
 * @param firstBrokenId the record found changed, when one is
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenSeq,
		@Nullable Long firstBrokenSeal, @Nullable Long firstBrokenId, @Nullable String reason) {

}
