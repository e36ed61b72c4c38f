package org.grassroots.cases;

import org.jspecify.annotations.Nullable;

/**
 * What the case library is searched by; each is left out when none.
 *
 * @param unitCode cases written in this unit's subtree
 * @param text in the title
 * @param waitingForMe only cases submitted by units below the reader's own, for approvers
 */
public record CaseFilter(@Nullable String categoryCode, @Nullable String unitCode, @Nullable String text,
		@Nullable CaseState state, boolean waitingForMe) {

	public static final CaseFilter NONE = new CaseFilter(null, null, null, null, false);

}
