package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;

/** An application was filed, answered, completed, returned, rated or flagged; the audit module records it. */
public record ApplicationChanged(ApplicationAction action, long applicationId, String reference, String unitPath)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_APPLICATION_" + action.name();
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
