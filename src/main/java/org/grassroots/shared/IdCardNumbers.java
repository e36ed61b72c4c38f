package org.grassroots.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Citizen ID card numbers of GB 11643: checked, written one way, and masked. */
public final class IdCardNumbers {

	private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECKS = "10X98765432";

	private IdCardNumbers() {
	}

	/** The number as stored (upper-case X, no spaces), or empty when it is not a valid one. */
	public static Optional<String> normalize(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String id = text.strip().toUpperCase(Locale.ROOT);
		return valid(id) ? Optional.of(id) : Optional.empty();
	}

	/** 18 characters, a real date of birth and the right check character. */
	public static boolean valid(String text) {
		if (!ID_CARD.matcher(text).matches()) {
			return false;
		}
		try {
			LocalDate.parse(text.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (text.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECKS.charAt(sum % 11) == text.charAt(17);
	}

	/** The first three and last four characters, the rest as asterisks. */
	public static String mask(String id) {
		return id.length() > 7 ? id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4)
				: "*".repeat(id.length());
	}

}
