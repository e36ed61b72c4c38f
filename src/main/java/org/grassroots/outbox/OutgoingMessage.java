package org.grassroots.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message to write to the outbox.
 *
 * @param kind what it says: its templates are {@code outbox.kind.<kind>.subject} and {@code .text}
 * @param address a phone number (SMS) or an e-mail address
 * @param accountId the account it goes to, or null for a resident who gave only a phone number
 * @param params the templates' arguments in their order; SMS gateways get them by name
 * @param unitPath the unit it is about, which decides the administrators who see it
 * @param cause what caused it, e.g. {@code problem:42:v7}: the same cause, kind, channel and
 * recipient is written once however often it is given
 * @param emergency sent in quiet hours too
 * @param stopLink whether the message carries a link with which the recipient stops messages
 * @param delay how long after it is written it is due (a reminder), zero for at once; quiet hours
 * still apply at its time
 */
public record OutgoingMessage(String kind, Channel channel, String address, @Nullable Long accountId, Locale locale,
		Map<String, String> params, String unitPath, @Nullable Long problemId, String cause, boolean emergency,
		boolean stopLink, Duration delay) {

	public OutgoingMessage {
		params = new LinkedHashMap<>(params);
		delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
	}

	/** A message due at once. */
	public OutgoingMessage(String kind, Channel channel, String address, @Nullable Long accountId, Locale locale,
			Map<String, String> params, String unitPath, @Nullable Long problemId, String cause, boolean emergency,
			boolean stopLink) {
		this(kind, channel, address, accountId, locale, params, unitPath, problemId, cause, emergency, stopLink,
				Duration.ZERO);
	}

}
