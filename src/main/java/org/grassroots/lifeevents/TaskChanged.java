package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;

/** A department acted on its task; recorded under the department's unit. */
public record TaskChanged(TaskAction action, long taskId, long applicationId, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_TASK_" + action.name();
	}

	@Override
	public String subjectType() {
		return "LE_TASK";
	}

	@Override
	public String subjectId() {
		return String.valueOf(taskId);
	}

}
