package org.grassroots.outbox.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A message's words from the message bundles, per kind and language:
 * {@code outbox.kind.<KIND>.subject} (e-mail) and {@code outbox.kind.<KIND>.text}, whose
 * arguments are the message's params in their order.
 */
@Component
class Templates {

	private final MessageSource messages;

	Templates(MessageSource messages) {
		this.messages = messages;
	}

	String subject(String kind, Locale locale, Map<String, String> params) {
		return messages.getMessage("outbox.kind." + kind + ".subject", params.values().toArray(), locale);
	}

	String text(String kind, Locale locale, Map<String, String> params) {
		return messages.getMessage("outbox.kind." + kind + ".text", params.values().toArray(), locale);
	}

}
