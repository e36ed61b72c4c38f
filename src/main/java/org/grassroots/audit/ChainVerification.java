package org.grassroots.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the hash chain.
 *
 * @param firstBrokenSeq the first record whose hash or link does not match, when not intact
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenSeq,
		@Nullable Long firstBrokenId, @Nullable String reason) {

}
