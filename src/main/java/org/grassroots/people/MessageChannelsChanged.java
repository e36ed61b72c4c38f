package org.grassroots.people;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A person changed the channels they take messages on, or their e-mail address (masked here). */
public record MessageChannelsChanged(long accountId, String username, String unitPath, Choice before, Choice after)
		implements AuditableEvent {

	/** @param email masked */
	public record Choice(boolean sms, boolean byEmail, String language, @Nullable String email) {

	}

	@Override
	public String auditKind() {
		return "MESSAGE_CHANNELS_CHANGED";
	}

	@Override
	public String subjectType() {
		return "ACCOUNT";
	}

	@Override
	public String subjectId() {
		return username;
	}

	@Override
	public String unitPath() {
		return unitPath;
	}

	@Override
	public Choice before() {
		return before;
	}

	@Override
	public Choice after() {
		return after;
	}

}
