package org.grassroots.lifeevents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.grassroots.lifeevents.FormField;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.PhoneNumbers;
import org.springframework.context.i18n.LocaleContextHolder;

/** Checks one answer against its field's type and pattern, and gives it its canonical form. */
public final class FormCheck {

	private static final int MAX_TEXT = 500;

	private FormCheck() {
	}

	/** The value as stored (e.g. an ID card's check letter in capitals), or a 400 naming the field. */
	public static String check(FormField field, String value) {
		String label = field.label(LocaleContextHolder.getLocale().getLanguage());
		if (value.length() > MAX_TEXT) {
			throw DomainException.invalid("le.error.field-too-long", label, MAX_TEXT);
		}
		return switch (field.type()) {
			case NUMBER -> {
				try {
					yield new BigDecimal(value).toPlainString();
				}
				catch (NumberFormatException ex) {
					throw DomainException.invalid("le.error.field-number", label);
				}
			}
			case DATE -> {
				try {
					yield LocalDate.parse(value).toString();
				}
				catch (DateTimeParseException ex) {
					throw DomainException.invalid("le.error.field-date", label);
				}
			}
			case CHOICE -> {
				if (field.options().stream().noneMatch(option -> option.split("\\|")[0].equals(value))) {
					throw DomainException.invalid("le.error.field-choice", label);
				}
				yield value;
			}
			case ID_CARD -> {
				String id = value.toUpperCase(Locale.ROOT);
				if (!PersonalData.validIdCard(id)) {
					throw DomainException.invalid("le.error.field-id-card", label);
				}
				yield id;
			}
			case PHONE -> PhoneNumbers.normalize(value)
				.orElseThrow(() -> DomainException.invalid("le.error.field-phone", label));
			default -> {
				if (field.pattern() != null && !value.matches(field.pattern())) {
					throw DomainException.invalid("le.error.field-pattern-mismatch", label);
				}
				yield value;
			}
		};
	}

}
