package org.grassroots.shared.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names for files the app sends, by what and whose they are (覆盖率-本月学习-花园路街道-2026-11-30.xlsx),
 * and the Content-Disposition that carries them (RFC 6266): the name itself as {@code filename*} in
 * UTF-8, and beside it an ASCII name made of codes for clients that read only {@code filename}.
 */
public final class FileNames {

	private static final int MAX_PART = 60;

	private FileNames() {
	}

	/** A name from its parts joined by '-', each part cleaned of what file systems refuse and cut to 60 characters. */
	public static String of(String extension, Object... parts) {
		List<String> cleaned = new ArrayList<>();
		for (Object part : parts) {
			String text = clean(String.valueOf(part));
			if (!text.isEmpty()) {
				cleaned.add(text);
			}
		}
		return String.join("-", cleaned) + "." + extension;
	}

	/** The header of a file to save: {@code attachment; filename="fallback"; filename*=UTF-8''name}. */
	public static String attachment(String name, String asciiFallback) {
		return disposition("attachment", name, asciiFallback);
	}

	/** The header of a file the browser may show itself (a PDF, an image), named for when it is saved. */
	public static String inline(String name, String asciiFallback) {
		return disposition("inline", name, asciiFallback);
	}

	private static String disposition(String type, String name, String asciiFallback) {
		return type + "; filename=\"" + ascii(asciiFallback) + "\"; filename*=UTF-8''" + encode(name);
	}

	private static String clean(String part) {
		StringBuilder out = new StringBuilder();
		part.strip().codePoints().forEach(c -> {
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
					out.append('_');
				}
			}
			else if (!Character.isISOControl(c) && "/\\:*?\"<>|".indexOf(c) < 0) {
				out.appendCodePoint(c);
			}
		});
		String text = out.toString();
		return text.codePointCount(0, text.length()) <= MAX_PART ? text
				: text.substring(0, text.offsetByCodePoints(0, MAX_PART));
	}

	/** Printable ASCII without the quote and backslash, which would need escaping in a quoted string. */
	private static String ascii(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
		return out.toString();
	}

	/** RFC 5987 value characters: letters, digits and !#$&+-.^_`|~; every other byte of UTF-8 as %XX. */
	private static String encode(String name) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				out.write(c);
			}
			else {
				out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return out.toString(StandardCharsets.US_ASCII);
	}

}
