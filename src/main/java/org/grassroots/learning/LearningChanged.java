package org.grassroots.learning;

import org.grassroots.shared.AuditableEvent;

/** A plan, point or session was created or changed. */
public record LearningChanged(String auditKind, String subjectType, String subjectId, String unitPath, Object after)
		implements AuditableEvent {

}
