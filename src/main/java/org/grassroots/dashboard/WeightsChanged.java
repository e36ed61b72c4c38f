package org.grassroots.dashboard;

import org.grassroots.shared.AuditableEvent;

/** The city administrator changed the ranking weights. */
public record WeightsChanged(Weights before, Weights after, String unitPath) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "DASHBOARD_WEIGHTS_CHANGED";
	}

	@Override
	public String subjectType() {
		return "DASHBOARD_WEIGHTS";
	}

	@Override
	public String subjectId() {
		return "1";
	}

}
