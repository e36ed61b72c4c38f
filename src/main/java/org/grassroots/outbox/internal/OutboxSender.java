package org.grassroots.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.grassroots.outbox.Channel;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers due messages, on every node at once: each claims a batch with a conditional update
 * (no two nodes hold a row), sends outside any transaction and marks each row by its claim. A
 * node that dies holding a claim leaves rows that another node takes once the lease ends; a
 * failure waits twice as long each time, up to {@code lastRetry}, and fails for good after
 * {@code maxAttempts} or when the provider refuses the message itself.
 */
@Component
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
	};

	/** Rounds of a batch each poll, so that a backlog drains without one node holding the thread forever. */
	private static final int ROUNDS = 50;

	private final OutboxRepository messages;

	private final Deliveries deliveries;

	private final Templates templates;

	private final FieldCipher cipher;

	private final OutboxSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	OutboxSender(OutboxRepository messages, Deliveries deliveries, Templates templates, FieldCipher cipher,
			OutboxSettings settings, JsonMapper json, Clock clock) {
		this.messages = messages;
		this.deliveries = deliveries;
		this.templates = templates;
		this.cipher = cipher;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${grassroots.outbox.poll:PT2S}", initialDelayString = "${grassroots.outbox.poll:PT2S}")
	public void sendDue() {
		for (int round = 0; round < ROUNDS; round++) {
			if (sendBatch() < settings.batch()) {
				return;
			}
		}
	}

	/** Claims and sends one batch; answers how many were claimed. */
	int sendBatch() {
		String claim = UUID.randomUUID().toString();
		Instant now = clock.instant();
		int claimed = messages.claim(claim, now, now.plus(settings.lease()), settings.batch());
		if (claimed > 0) {
			messages.claimed(claim).forEach(message -> deliver(message, claim));
		}
		return claimed;
	}

	private void deliver(OutboxRepository.Claimed message, String claim) {
		try {
			String address = cipher.decrypt(message.recipientCipher());
			if (messages.optedOut(cipher.lookupHashes(address), message.channel())) {
				messages.dropClaimed(message.id(), claim, "stopped:");
				return;
			}
			Delivery delivery = deliveries.of(message.channel());
			if (delivery == null) {
				throw new Delivery.DeliveryFailed("not-configured: " + message.channel(), false);
			}
			String providerId = delivery.send(outgoing(message, address));
			if (!messages.sent(message.id(), claim, providerId, clock.instant())) {
				log.warn("Outbox message {} was sent after its claim ran out; another node may send it too", message.id());
			}
		}
		catch (Delivery.DeliveryFailed ex) {
			failed(message, claim, ex);
		}
		catch (RuntimeException ex) {
			// a template or a value that cannot be read: trying again will not help
			failed(message, claim, new Delivery.DeliveryFailed("unreadable: " + ex.getClass().getSimpleName() + " "
					+ ex.getMessage(), true));
		}
	}

	private void failed(OutboxRepository.Claimed message, String claim, Delivery.DeliveryFailed ex) {
		boolean last = ex.permanent() || message.attempts() >= settings.maxAttempts();
		Instant retryAt = last ? null : clock.instant().plus(backoff(message.attempts()));
		messages.failed(message.id(), claim, ex.getMessage(), retryAt);
		log.info("Outbox message {} ({} {}) not sent, attempt {}: {}{}", message.id(), message.kind(), message.channel(),
				message.attempts(), ex.getMessage(), last ? "; given up" : "; tried again at " + retryAt);
	}

	/** The wait after attempt {@code attempts}: the first retry's, doubled each time, at most the last's. */
	Duration backoff(int attempts) {
		Duration wait = settings.firstRetry();
		for (int i = 1; i < attempts && wait.compareTo(settings.lastRetry()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.lastRetry()) > 0 ? settings.lastRetry() : wait;
	}

	private Delivery.Outgoing outgoing(OutboxRepository.Claimed message, String address) {
		Map<String, String> params = params(message.paramsCipher());
		Locale locale = Locale.forLanguageTag(message.locale());
		return new Delivery.Outgoing(message.id(), message.kind(),
				message.channel() == Channel.SMS ? PhoneNumbers.normalize(address).orElse(address) : address,
				templates.subject(message.kind(), locale, params), templates.text(message.kind(), locale, params), params);
	}

	private Map<String, String> params(@Nullable String paramsCipher) {
		return paramsCipher == null ? Map.of() : json.readValue(cipher.decrypt(paramsCipher), PARAMS);
	}

}
