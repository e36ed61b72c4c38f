package org.grassroots.outbox;

/**
 * A system administrator had a failed message sent again.
 *
 * @param recipient masked
 * @param lastError why it had failed
 */
public record MessageRetried(long messageId, String kind, Channel channel, String recipient, String lastError,
		String unitPath) implements org.grassroots.shared.AuditableEvent {

	@Override
	public String auditKind() {
		return "MESSAGE_RETRIED";
	}

	@Override
	public String subjectType() {
		return "OUTBOX_MESSAGE";
	}

	@Override
	public String subjectId() {
		return String.valueOf(messageId);
	}

	@Override
	public Object after() {
		return this;
	}

}
