package org.grassroots.shared;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a phone number as people write it and gives one stored form: a mainland mobile
 * {@code 13800138000}, a mainland landline with its area code {@code 023-63851234} and an optional
 * extension {@code 023-63851234-8001}, or any other country's number in E.164 {@code +14155550100}
 * (an extension as {@code +14155550100-12}). Spaces, hyphens, dots, brackets, full-width digits and
 * the prefixes {@code +86}, {@code 0086} and {@code 00} are understood.
 */
public final class PhoneNumbers {

	/** Longer input is not a phone number, however written. */
	public static final int MAX_INPUT = 40;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\\u00A0/]");

	private static final Pattern EXTENSION = Pattern
		.compile("^(.*\\d)\\s*(?:-|#|,|~|(?i:ext\\.?|extension|x)|转|分机)\\s*(\\d{1,6})$");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");

	private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");

	private PhoneNumbers() {
	}

	/** The stored form, or empty when the text cannot be a phone number. */
	public static Optional<String> normalize(@Nullable String text) {
		if (text == null || text.isBlank() || text.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String given = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		Optional<String> whole = number(given);
		if (whole.isPresent()) {
			return whole;
		}
		Matcher extension = EXTENSION.matcher(given);
		if (extension.matches()) {
			return number(extension.group(1)).filter(number -> !MOBILE.matcher(number).matches())
				.map(number -> number + "-" + extension.group(2));
		}
		return Optional.empty();
	}

	private static Optional<String> number(String text) {
		String compact = SEPARATORS.matcher(text).replaceAll("");
		if (compact.startsWith("00")) {
			compact = "+" + compact.substring(2);
		}
		if (compact.startsWith("+86")) {
			return mainland(compact.substring(3), true);
		}
		if (compact.startsWith("+")) {
			return INTERNATIONAL.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
		}
		return mainland(compact, false);
	}

	/** Without the country code; from abroad a landline's area code drops its leading 0. */
	private static Optional<String> mainland(String digits, boolean international) {
		if (MOBILE.matcher(digits).matches()) {
			return Optional.of(digits);
		}
		String national = international && !digits.startsWith("0") ? "0" + digits : digits;
		if (!LANDLINE.matcher(national).matches()) {
			return Optional.empty();
		}
		// Beijing 010 and the 02x cities have two-digit area codes, every other area three
		int areaLength = national.startsWith("01") || national.startsWith("02") ? 3 : 4;
		String local = national.substring(areaLength);
		if (local.length() < 7 || local.length() > 8 || local.startsWith("0") || local.startsWith("1")) {
			return Optional.empty();
		}
		return Optional.of(national.substring(0, areaLength) + "-" + local);
	}

}
