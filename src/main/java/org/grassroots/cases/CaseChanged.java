package org.grassroots.cases;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A typical case was written, changed, decided on or withdrawn; the audit module records it. */
public record CaseChanged(CaseAction action, long caseId, String unitPath, @Nullable TypicalCase before,
		TypicalCase after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "CASE_" + action.name();
	}

	@Override
	public String subjectType() {
		return "TYPICAL_CASE";
	}

	@Override
	public String subjectId() {
		return String.valueOf(caseId);
	}

}
