package org.grassroots.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** A refusal that lists several errors, e.g. one per line of an imported file. */
public interface RowErrors {

	/** Each error as {@code {"line": n, "message": "..."}} in the current language. */
	List<Map<String, Object>> localized(MessageSource messages);

	static String message(MessageSource messages, String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
