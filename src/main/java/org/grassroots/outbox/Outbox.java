package org.grassroots.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.grassroots.outbox.internal.Deliveries;
import org.grassroots.outbox.internal.OutboxRepository;
import org.grassroots.outbox.internal.OutboxSettings;
import org.grassroots.outbox.internal.QuietHours;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages to the outbox in the caller's transaction, so that a message exists exactly
 * when the change that causes it commits; the sender delivers it afterwards (docs/outbox.md).
 */
@Service
public class Outbox {

	private static final String TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final OutboxRepository messages;

	private final Deliveries deliveries;

	private final FieldCipher cipher;

	private final OutboxSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final QuietHours quietHours;

	Outbox(OutboxRepository messages, Deliveries deliveries, FieldCipher cipher, OutboxSettings settings, JsonMapper json,
			Clock clock) {
		this.messages = messages;
		this.deliveries = deliveries;
		this.cipher = cipher;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.quietHours = new QuietHours(settings.quietFrom(), settings.quietUntil());
	}

	/** Whether this deployment sends on the channel: messages for one it does not are not written. */
	public boolean sends(Channel channel) {
		return deliveries.has(channel);
	}

	/**
	 * Writes the message unless its channel is off or the same message is there already. The
	 * recipient and the params are kept encrypted: a resident's first message carries their
	 * tracking code.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean write(OutgoingMessage message) {
		if (!sends(message.channel())) {
			return false;
		}
		String address = address(message.channel(), message.address());
		String recipientHash = cipher.lookupHash(address);
		Map<String, String> params = message.params();
		String stopHash = null;
		if (message.stopLink()) {
			String token = token();
			stopHash = cipher.suite().hash(token);
			params.put("stop", link("/stop/" + token));
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("kind", message.kind());
		row.put("channel", message.channel().name());
		row.put("recipient_cipher", cipher.encrypt(address));
		row.put("recipient_hash", recipientHash);
		row.put("account_id", message.accountId());
		row.put("locale", message.locale().toLanguageTag());
		row.put("params", cipher.encrypt(json.writeValueAsString(params)));
		row.put("unit_path", message.unitPath());
		row.put("problem_id", message.problemId());
		row.put("dedupe_key", dedupeKey(message, recipientHash));
		row.put("emergency", message.emergency());
		row.put("due_at", Times.utc(quietHours.due(now.plus(message.delay()), message.emergency())));
		row.put("stop_hash", stopHash);
		row.put("created_at", Times.utc(now));
		return messages.insert(row);
	}

	/**
	 * Withdraws the messages of a kind about a problem that are still waiting, e.g. the reminder to
	 * rate once the resident has rated: they are dropped, not sent. One already being sent goes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int withdraw(long problemId, String kind) {
		return messages.dropWaiting(problemId, kind, "withdrawn:");
	}

	/** An address on the public site, for a message to link to, e.g. {@code link("/track")}. */
	public String link(String path) {
		return stripSlash(settings.publicUrl()) + path;
	}

	/** A phone number as it is dialled, an e-mail address in lower case: one recipient, one hash. */
	public static String address(Channel channel, String address) {
		String trimmed = address.trim();
		return channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
	}

	private static String dedupeKey(OutgoingMessage message, String recipientHash) {
		String key = message.cause() + ":" + message.kind() + ":" + message.channel() + ":" + recipientHash;
		return key.length() > 400 ? key.substring(0, 400) : key;
	}

	private static String token() {
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			token.append(TOKEN_ALPHABET.charAt(RANDOM.nextInt(TOKEN_ALPHABET.length())));
		}
		return token.toString();
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
