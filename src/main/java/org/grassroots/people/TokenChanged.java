package org.grassroots.people;

import org.grassroots.shared.AuditableEvent;

/** A personal access token was issued or revoked. */
public record TokenChanged(String change, String username, String unitPath, AccessToken token)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return change;
	}

	@Override
	public String subjectType() {
		return "ACCESS_TOKEN";
	}

	@Override
	public String subjectId() {
		return String.valueOf(token.id());
	}

	@Override
	public String unitPath() {
		return unitPath;
	}

	@Override
	public Object after() {
		return token;
	}

	@Override
	public String actorName() {
		return username;
	}

}
