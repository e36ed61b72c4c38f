package org.grassroots.people;

import org.grassroots.shared.AuditableEvent;

/** An account was opened. */
public record AccountCreated(Account account) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "ACCOUNT_CREATED";
	}

	@Override
	public String subjectType() {
		return "ACCOUNT";
	}

	@Override
	public String subjectId() {
		return account.username();
	}

	@Override
	public String unitPath() {
		return account.unitPath();
	}

	@Override
	public Object after() {
		return account;
	}

}
