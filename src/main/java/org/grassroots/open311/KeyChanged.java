package org.grassroots.open311;

import org.grassroots.shared.AuditableEvent;

/** A key was issued or revoked. */
public record KeyChanged(String kind, ApiKey key) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "OPEN311_KEY_" + kind;
	}

	@Override
	public String subjectType() {
		return "OPEN311_KEY";
	}

	@Override
	public String subjectId() {
		return key.prefix();
	}

	@Override
	public String unitPath() {
		return "/500000/";
	}

	@Override
	public Object after() {
		return key;
	}

}
