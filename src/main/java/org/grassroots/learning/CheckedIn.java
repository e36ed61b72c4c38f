package org.grassroots.learning;

import java.time.LocalDate;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A member studied: at a point on a day, or at a session. Published once, not for repeated scans. */
public record CheckedIn(long accountId, String unitPath, @Nullable Long pointId, @Nullable Long sessionId, LocalDate day,
		String method) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "CHECKED_IN";
	}

	@Override
	public String subjectType() {
		return pointId != null ? "LEARNING_POINT" : "STUDY_SESSION";
	}

	@Override
	public String subjectId() {
		return String.valueOf(pointId != null ? pointId : sessionId);
	}

	@Override
	public Object after() {
		return this;
	}

}
