package org.grassroots.lifeevents;

import org.jspecify.annotations.Nullable;

/** What a department's work queue shows: a state (none: everything still open) and overdue only. */
public record TaskFilter(@Nullable TaskState state, boolean overdue) {

	public static final TaskFilter OPEN = new TaskFilter(null, false);

}
