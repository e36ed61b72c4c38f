package org.grassroots.dashboard;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** The city office picked or changed a month's topic. */
public record TopicChosen(@Nullable Topic before, Topic after, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "DASHBOARD_TOPIC_CHOSEN";
	}

	@Override
	public String subjectType() {
		return "DASHBOARD_TOPIC";
	}

	@Override
	public String subjectId() {
		return after.month().toString();
	}

}
