package org.grassroots.lifeevents.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.grassroots.lifeevents.FieldType;
import org.grassroots.shared.FieldCipher;

/** Checks and masks of the personal values a form asks (ID card numbers, phones, addresses). */
public final class PersonalData {

	private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECKS = "10X98765432";

	private PersonalData() {
	}

	/** A citizen ID number of GB 11643: 18 characters, a real date of birth and the right check digit. */
	public static boolean validIdCard(String text) {
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

	/** The masked form shown in lists, exports and the API. */
	public static String mask(FieldType type, String value) {
		return switch (type) {
			case ID_CARD -> value.length() > 7 ? value.substring(0, 3) + "*".repeat(value.length() - 7)
					+ value.substring(value.length() - 4) : "*".repeat(value.length());
			case PHONE -> FieldCipher.maskPhone(value);
			case ADDRESS -> value.codePointCount(0, value.length()) > 6
					? value.substring(0, value.offsetByCodePoints(0, 6)) + "****" : "****";
			default -> value;
		};
	}

}
