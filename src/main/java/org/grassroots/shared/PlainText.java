package org.grassroots.shared;

import org.jspecify.annotations.Nullable;

/**
 * Cleans text as it comes in from any channel: C0 control characters, DEL, lone surrogates and
 * the non-characters U+FFFE and U+FFFF go, so that nothing stored can break a page, a CSV line or
 * an XML document written later.
 */
public final class PlainText {

	private PlainText() {
	}

	/** One line (a title, an address, a value): tabs and line breaks become spaces; trimmed, blank as null. */
	public static @Nullable String line(@Nullable String text) {
		return clean(text, false);
	}

	/** Several lines (a description): tabs and line breaks stay; trimmed, blank as null. */
	public static @Nullable String lines(@Nullable String text) {
		return clean(text, true);
	}

	private static @Nullable String clean(@Nullable String text, boolean multiline) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				kept.append(multiline ? c : ' ');
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				kept.append(c).append(text.charAt(++i));
			}
			else if (c >= 0x20 && c != 0x7F && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
				kept.append(c);
			}
		}
		String trimmed = kept.toString().strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
