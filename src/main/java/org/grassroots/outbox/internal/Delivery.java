package org.grassroots.outbox.internal;

import java.util.Map;

import org.grassroots.outbox.Channel;
import org.jspecify.annotations.Nullable;

/** One channel's way out: SMTP for e-mail, an HTTP gateway for SMS. */
interface Delivery {

	Channel channel();

	/**
	 * Sends one message and answers the provider's id for it, if it gives one.
	 *
	 * @throws DeliveryFailed when it did not go; {@link DeliveryFailed#permanent()} when trying again cannot help
	 */
	@Nullable String send(Outgoing message) throws DeliveryFailed;

	/**
	 * A message ready to go.
	 *
	 * @param id the outbox row, sent as the provider's client reference so that a send repeated
	 * after a crash between the call and the mark is recognized by a gateway that keeps it
	 */
	record Outgoing(long id, String kind, String address, String subject, String text, Map<String, String> params) {

	}

	/**
	 * Why a message did not go: {@code <reason>: <detail>}, the reason one of the page's
	 * {@code outbox.reason.*} (no-template, not-configured, gateway-status, gateway-unreachable,
	 * gateway-refused, gateway-unreadable, smtp, unreadable, stopped), the detail what the provider said.
	 */
	final class DeliveryFailed extends Exception {

		private final boolean permanent;

		DeliveryFailed(String reason, boolean permanent) {
			super(reason);
			this.permanent = permanent;
		}

		DeliveryFailed(String reason, boolean permanent, Throwable cause) {
			super(reason, cause);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}

	}

}
