package org.grassroots.dashboard;

import org.grassroots.shared.AuditableEvent;

/** The read models were counted again from scratch: how many problems and counter rows, and how long it took. */
public record FiguresRebuilt(long problems, long counters, long millis, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "DASHBOARD_REBUILT";
	}

	@Override
	public String subjectType() {
		return "DASHBOARD";
	}

	@Override
	public String subjectId() {
		return "figures";
	}

	@Override
	public Object after() {
		return this;
	}

}
