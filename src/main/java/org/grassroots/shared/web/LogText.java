package org.grassroots.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * Client input as it may appear in a log line: at most a short prefix, with line breaks and other
 * control characters shown as escapes, so a client can neither fill the disk nor forge log lines.
 */
public final class LogText {

	/** Characters of client input a log line keeps. */
	public static final int MAX = 100;

	private LogText() {
	}

	/** The text's first {@value #MAX} characters, escaped, and how long it was when cut. */
	public static String cut(@Nullable Object input) {
		if (input == null) {
			return "null";
		}
		String text = String.valueOf(input);
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 24);
		int end = Math.min(text.length(), MAX);
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > MAX) {
			out.append("…(").append(text.length()).append(" chars)");
		}
		return out.toString();
	}

}
