package org.grassroots.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.shared.web.FieldLabels;
import org.grassroots.shared.web.RowErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a command's constraints inside the module, so a page form and an API call meet the same
 * rules whatever the controller did.
 */
@Component
public class InputCheck {

	private final Validator validator;

	InputCheck(Validator validator) {
		this.validator = validator;
	}

	/** @throws Refused naming every field that breaks a rule */
	public <T> T check(T command) {
		List<ConstraintViolation<T>> violations = validator.validate(command)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.toList();
		if (!violations.isEmpty()) {
			throw new Refused(violations.stream()
				.map(violation -> Map.of("field", violation.getPropertyPath().toString(), "message", violation.getMessage()))
				.toList());
		}
		return command;
	}

	/**
	 * As {@link #check(Object)}, with members the command's own rules leave optional but this use
	 * needs, named in the same one answer (a resident's report on the page needs its place).
	 */
	public <T> T check(T command, List<String> required, MessageSource messages) {
		java.util.TreeMap<String, String> problems = new java.util.TreeMap<>();
		validator.validate(command)
			.forEach(violation -> problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
		String missing = messages.getMessage("jakarta.validation.constraints.NotNull.message", null,
				LocaleContextHolder.getLocale());
		required.forEach(member -> problems.putIfAbsent(member, missing));
		if (!problems.isEmpty()) {
			throw new Refused(problems.entrySet()
				.stream()
				.map(problem -> Map.of("field", problem.getKey(), "message", problem.getValue()))
				.toList());
		}
		return command;
	}

	/** Refuses the fields given, each a map of {@code field} and {@code message}. */
	public static Refused refused(List<Map<String, String>> fields) {
		return new Refused(fields);
	}

	/**
	 * Bad input: 400, naming each field at fault by its label ({@link FieldLabels}); the field's
	 * name in the code stays only in the API's {@code errors[].field}.
	 */
	public static class Refused extends DomainException implements RowErrors {

		private final List<Map<String, String>> fields;

		Refused(List<Map<String, String>> fields) {
			super(HttpStatus.BAD_REQUEST, "error.invalid-fields", FieldLabels.problems(fields.stream()
				.map(field -> FieldLabels.problem(field.get("field"), field.get("message")))
				.toList()));
			this.fields = fields;
		}

		@Override
		public List<Map<String, Object>> localized(MessageSource messages) {
			Locale locale = LocaleContextHolder.getLocale();
			return fields.stream()
				.map(field -> Map.<String, Object>of("field", field.get("field"), "label",
						FieldLabels.label(field.get("field"), messages, locale), "message",
						messages.getMessage(FieldLabels.problem(field.get("field"), field.get("message")), locale)))
				.toList();
		}

	}

}
