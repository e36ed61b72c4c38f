package org.grassroots.problems;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A street's summons of its district's departments (吹哨报到), open until every one has reported in and acted. */
public record Summons(long id, long problemId, long streetUnitId, String reason, boolean emergency, Instant dueAt,
		String issuedBy, Instant issuedAt, @Nullable Instant closedAt, List<Department> departments) {

	/** One summoned department and its report-in. */
	public record Department(long unitId, String unitPath, String unitName, @Nullable Instant reportedAt,
			@Nullable String person, @Nullable Instant actedAt, @Nullable String actionNote, boolean overdue) {

	}

}
