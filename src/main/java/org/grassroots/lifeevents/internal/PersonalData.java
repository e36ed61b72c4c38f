package org.grassroots.lifeevents.internal;

import org.grassroots.lifeevents.FieldType;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.IdCardNumbers;

/** Checks and masks of the personal values a form asks (ID card numbers, phones, addresses). */
public final class PersonalData {

	private PersonalData() {
	}

	/** A citizen ID number of GB 11643: 18 characters, a real date of birth and the right check digit. */
	public static boolean validIdCard(String text) {
		return IdCardNumbers.valid(text);
	}

	/** The masked form shown in lists, exports and the API. */
	public static String mask(FieldType type, String value) {
		return switch (type) {
			case ID_CARD -> IdCardNumbers.mask(value);
			case PHONE -> FieldCipher.maskPhone(value);
			case ADDRESS -> value.codePointCount(0, value.length()) > 6
					? value.substring(0, value.offsetByCodePoints(0, 6)) + "****" : "****";
			default -> value;
		};
	}

}
