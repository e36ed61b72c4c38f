package org.grassroots.people;

import org.grassroots.shared.AuditableEvent;

/**
 * An account's state changed: what kind of change, and the account before and after.
 *
 * @param change e.g. {@code ACCOUNT_LOCKED}, {@code ACCOUNT_UNLOCKED}, {@code PASSWORD_RESET}
 */
public record AccountChanged(String change, Account before, Account after) implements AuditableEvent {

	@Override
	public String auditKind() {
		return change;
	}

	@Override
	public String subjectType() {
		return "ACCOUNT";
	}

	@Override
	public String subjectId() {
		return after.username();
	}

	@Override
	public String unitPath() {
		return after.unitPath();
	}

	@Override
	public String actorName() {
		return after.username();
	}

}
