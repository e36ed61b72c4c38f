package org.grassroots.lifeevents;

import java.util.Map;

import org.grassroots.shared.AuditableEvent;

/**
 * An officer asked to see an application's personal data in full for a task of their department,
 * giving the reason the record keeps.
 */
public record ApplicationDataViewed(long applicationId, long taskId, String reference, String unitPath, String reason)
		implements AuditableEvent {

	@Override
	public Object after() {
		return Map.of("taskId", taskId, "reason", reason);
	}

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
