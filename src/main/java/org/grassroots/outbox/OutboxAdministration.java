package org.grassroots.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.outbox.internal.OutboxRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.SqlCondition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox holds, for the system administrators within their reach: counts by state, the
 * messages with why they failed, and sending a failed one again.
 */
@Service
public class OutboxAdministration {

	public static final List<String> STATES = List.of("PENDING", "SENDING", "SENT", "FAILED", "DROPPED");

	private static final int LIST_LIMIT = 200;

	private final OutboxRepository messages;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OutboxAdministration(OutboxRepository messages, FieldCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.messages = messages;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/** A message as its administrator sees it: the recipient masked, the content never. */
	public record MessageView(long id, String kind, Channel channel, String recipient, String state, int attempts,
			@Nullable String lastError, Instant createdAt, Instant dueAt, @Nullable Instant sentAt, String unitPath,
			@Nullable Long problemId, int version) {

	}

	@Transactional(readOnly = true)
	public Map<String, Integer> counts(CurrentUser user) {
		return messages.counts(reach(user));
	}

	/** The newest messages within reach, of one state or all (null). */
	@Transactional(readOnly = true)
	public List<MessageView> messages(CurrentUser user, @Nullable String state) {
		if (state != null && !STATES.contains(state)) {
			throw DomainException.invalid("outbox.error.state");
		}
		return messages.list(reach(user), state, LIST_LIMIT).stream().map(this::view).toList();
	}

	/** Sends a failed message again from its first attempt; 404 out of reach, 409 unless failed or at another version. */
	@Transactional
	public MessageView retry(CurrentUser user, long id, int version) {
		OutboxRepository.Listed found = messages.find(id, reach(user));
		if (found == null) {
			throw new NotFoundException("outbox message", id);
		}
		if (!"FAILED".equals(found.state())) {
			throw DomainException.conflict("outbox.error.not-failed");
		}
		if (!messages.retry(id, version, clock.instant())) {
			throw DomainException.staleVersion();
		}
		MessageView view = view(found);
		events.publishEvent(new MessageRetried(id, found.kind(), found.channel(), view.recipient(),
				found.lastError() == null ? "" : found.lastError(), found.unitPath()));
		return view(java.util.Objects.requireNonNull(messages.find(id, reach(user))));
	}

	/** The system administrator's reach; nobody else administers the outbox. */
	private static SqlCondition reach(CurrentUser user) {
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		return user.accountsScope().on("unit_path", "reach");
	}

	private MessageView view(OutboxRepository.Listed row) {
		String recipient = OptOuts.mask(row.channel(), cipher.decrypt(row.recipientCipher()));
		return new MessageView(row.id(), row.kind(), row.channel(), recipient, row.state(), row.attempts(), row.lastError(),
				row.createdAt(), row.dueAt(), row.sentAt(), row.unitPath(), row.problemId(), row.version());
	}

}
