package org.grassroots.shared.web;

import org.grassroots.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns refusals and message keys into text in the current user's language. */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String text(DomainException refusal) {
		return text(refusal.messageKey(), refusal.args());
	}

	public String text(String key, Object... args) {
		return source.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	public MessageSource source() {
		return source;
	}

}
