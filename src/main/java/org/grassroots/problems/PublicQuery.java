package org.grassroots.problems;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which residents' reports a public reader asks for. Ledger numbers, when given, override the
 * other filters.
 *
 * @param closed true for closed ones, false for open ones, null for both
 */
public record PublicQuery(List<String> ledgerNos, List<String> categoryCodes, @Nullable Instant from, @Nullable Instant to,
		@Nullable Boolean closed, int offset, int limit) {

}
