package org.grassroots.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.outbox.internal.OutboxRepository;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A recipient stops messages: by the link a resident's message carries, or by replying to an SMS
 * with one of the usual words (退订, TD, T, N, STOP) through the gateway's reply callback. What is
 * still waiting for them is dropped, and the sender drops anything written afterwards.
 */
@Service
public class OptOuts {

	/** What a reply must say, as Chinese gateways and carriers use them. */
	private static final List<String> STOP_WORDS = List.of("退订", "TD", "T", "N", "STOP", "UNSUBSCRIBE", "取消");

	private final OutboxRepository messages;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OptOuts(OutboxRepository messages, FieldCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.messages = messages;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/** Who a stop link stops, masked, for the page that asks to confirm; empty for an unknown link. */
	@Transactional(readOnly = true)
	public Optional<String> recipientOf(String token) {
		return stopping(token).map(found -> mask(found.channel(), cipher.decrypt(found.recipientCipher())));
	}

	/** Stops by a link; answers the masked recipient, or empty for an unknown link. */
	@Transactional
	public Optional<String> stopByLink(String token) {
		return stopping(token).map(found -> {
			String address = cipher.decrypt(found.recipientCipher());
			stop(address, found.recipientHash(), found.channel(), "LINK", found.unitPath());
			return mask(found.channel(), address);
		});
	}

	/** A reply through the gateway; answers whether it stopped messages (other replies are not kept). */
	@Transactional
	public boolean reply(String phone, String text) {
		String word = text.trim().toUpperCase(Locale.ROOT);
		if (!STOP_WORDS.contains(word)) {
			return false;
		}
		Optional<String> normalized = PhoneNumbers.normalize(phone);
		if (normalized.isEmpty()) {
			return false;
		}
		String address = normalized.get();
		List<String> hashes = cipher.lookupHashes(address);
		stop(address, cipher.lookupHash(address), Channel.SMS, "REPLY", messages.unitPathOf(hashes));
		return true;
	}

	private void stop(String address, String recipientHash, Channel channel, String how, @Nullable String unitPath) {
		boolean added = messages.optOut(cipher.encrypt(address), cipher.lookupHash(address), channel, how, clock.instant());
		int dropped = messages.dropWaiting(cipher.lookupHashes(address), channel, "stopped:");
		if (added || dropped > 0) {
			events.publishEvent(new MessagesStopped(mask(channel, address), channel, how, dropped, unitPath));
		}
	}

	private Optional<OutboxRepository.Stopping> stopping(String token) {
		if (token.isBlank() || token.length() > 64) {
			return Optional.empty();
		}
		return Optional.ofNullable(messages.byStopHashes(cipher.suite().hashesOf(token)));
	}

	static String mask(Channel channel, String address) {
		if (channel == Channel.SMS) {
			return FieldCipher.maskPhone(address);
		}
		return FieldCipher.maskEmail(address);
	}

}
