package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;

/** An officer asked to see an application's personal data in full for a task of their department. */
public record ApplicationDataViewed(long applicationId, long taskId, String reference, String unitPath)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_DATA_VIEWED";
	}

	@Override
	public String subjectType() {
		return "LE_APPLICATION";
	}

	@Override
	public String subjectId() {
		return reference;
	}

}
