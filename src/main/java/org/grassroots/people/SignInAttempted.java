package org.grassroots.people;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** Someone tried to sign in, by form or for a token; kept for the security audit trail. */
public record SignInAttempted(String username, @Nullable String unitPath, boolean succeeded, String channel)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return succeeded ? "SIGN_IN_SUCCEEDED" : "SIGN_IN_FAILED";
	}

	@Override
	public String subjectType() {
		return "ACCOUNT";
	}

	@Override
	public String subjectId() {
		return username.length() > 64 ? username.substring(0, 64) : username;
	}

	@Override
	public Object after() {
		return java.util.Map.of("channel", channel);
	}

	@Override
	public String actorName() {
		return subjectId();
	}

}
