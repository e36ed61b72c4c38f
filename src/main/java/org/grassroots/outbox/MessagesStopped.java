package org.grassroots.outbox;

import org.jspecify.annotations.Nullable;

/**
 * A recipient stopped messages on a channel.
 *
 * @param recipient masked
 * @param how {@code LINK} (the message's stop link) or {@code REPLY} (a reply through the gateway)
 * @param dropped messages still waiting that will not be sent
 */
public record MessagesStopped(String recipient, Channel channel, String how, int dropped, @Nullable String unitPath)
		implements org.grassroots.shared.AuditableEvent {

	@Override
	public String auditKind() {
		return "MESSAGES_STOPPED";
	}

	@Override
	public String subjectType() {
		return "RECIPIENT";
	}

	@Override
	public String subjectId() {
		return recipient;
	}

	@Override
	public Object after() {
		return this;
	}

	@Override
	public String actorName() {
		return "resident";
	}

}
