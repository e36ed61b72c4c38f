package org.grassroots.problems;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A resident's report as anyone may see it (Open311, the public ledger): the problem without its
 * reporter, its latest public step and the extra information the service asked for.
 */
public record PublicRequest(Problem problem, ProblemViews.@Nullable PublicStep latest,
		Map<String, List<String>> attributes) {

	/** Open311's two statuses: a declined or closed problem is closed. */
	public boolean closed() {
		return !problem.state().isOpen();
	}

}
