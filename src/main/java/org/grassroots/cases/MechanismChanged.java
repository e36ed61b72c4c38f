package org.grassroots.cases;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A mechanism was adopted or changed; the audit module records it. */
public record MechanismChanged(MechanismAction action, long mechanismId, String unitPath, @Nullable Mechanism before,
		Mechanism after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "MECHANISM_" + action.name();
	}

	@Override
	public String subjectType() {
		return "MECHANISM";
	}

	@Override
	public String subjectId() {
		return String.valueOf(mechanismId);
	}

}
