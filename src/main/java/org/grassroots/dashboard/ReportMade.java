package org.grassroots.dashboard;

import org.grassroots.shared.AuditableEvent;

/** A monthly report was made on demand: audited with its unit, month and edition. */
public record ReportMade(long reportId, String unitCode, String month, int edition, String unitPath)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return "DASHBOARD_REPORT_MADE";
	}

	@Override
	public String subjectType() {
		return "MONTHLY_REPORT";
	}

	@Override
	public String subjectId() {
		return Long.toString(reportId);
	}

	@Override
	public Object after() {
		return this;
	}

}
