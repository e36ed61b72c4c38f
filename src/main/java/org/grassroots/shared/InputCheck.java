package org.grassroots.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.grassroots.shared.web.RowErrors;
import org.springframework.context.MessageSource;
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

	/** Bad input: 400, with the fields at fault. */
	public static class Refused extends DomainException implements RowErrors {

		private final List<Map<String, String>> fields;

		Refused(List<Map<String, String>> fields) {
			super(HttpStatus.BAD_REQUEST, "error.invalid-fields",
					fields.stream().map(field -> field.get("field")).distinct().collect(Collectors.joining(", ")));
			this.fields = fields;
		}

		@Override
		public List<Map<String, Object>> localized(MessageSource messages) {
			return fields.stream().map(field -> Map.<String, Object>copyOf(field)).toList();
		}

	}

}
