package org.grassroots.open311;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.problems.IntakeRules;
import org.grassroots.shared.DomainException;

/**
 * Checks {@code attribute[code]} values against a service definition before anything is stored.
 * The defined attributes must be valid; others are extra data the standard allows (FixMyStreet's
 * {@code uprn}, a council's own fields): kept within the intake bounds, ignored beyond them.
 */
final class AttributeCheck {

	private AttributeCheck() {
	}

	/** What is stored, and the codes kept or ignored outside the definition, for the answer's notice. */
	record Checked(Map<String, List<String>> attributes, List<String> kept, List<String> ignored) {

	}

	static Checked check(List<ServiceAttribute> definition, Map<String, List<String>> given) {
		Map<String, ServiceAttribute> byCode = definition.stream()
			.collect(Collectors.toMap(ServiceAttribute::code, attribute -> attribute));
		Map<String, List<String>> checked = new LinkedHashMap<>();
		for (ServiceAttribute attribute : definition) {
			List<String> values = IntakeRules.values(given.get(attribute.code()));
			if (values.isEmpty()) {
				if (attribute.required()) {
					throw DomainException.invalid("open311.error.attribute-required", attribute.code());
				}
				continue;
			}
			if (values.size() > (attribute.datatype().equals("multivaluelist") ? IntakeRules.MAX_VALUES : 1)) {
				throw DomainException.invalid("open311.error.attribute-value", attribute.code());
			}
			values.forEach(value -> checkValue(attribute, value));
			checked.put(attribute.code(), values);
		}
		List<String> kept = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		given.forEach((code, sent) -> {
			if (byCode.containsKey(code)) {
				return;
			}
			List<String> values = IntakeRules.values(sent);
			if (values.isEmpty()) {
				return;
			}
			if (IntakeRules.isAttributeCode(code) && checked.size() < IntakeRules.MAX_ATTRIBUTES
					&& values.size() <= IntakeRules.MAX_VALUES
					&& values.stream().allMatch(value -> value.length() <= IntakeRules.MAX_VALUE_LENGTH)) {
				checked.put(code, values);
				kept.add(code);
			}
			else {
				ignored.add(code);
			}
		});
		return new Checked(checked, kept, ignored);
	}

	private static void checkValue(ServiceAttribute attribute, String value) {
		boolean valid = value.length() <= IntakeRules.MAX_VALUE_LENGTH && switch (attribute.datatype()) {
			case "number" -> parses(() -> new BigDecimal(value));
			case "datetime" -> parses(() -> OffsetDateTime.parse(value));
			case "singlevaluelist", "multivaluelist" -> keys(attribute).contains(value);
			default -> true;
		};
		if (!valid) {
			throw DomainException.invalid("open311.error.attribute-value", attribute.code());
		}
	}

	private static Set<String> keys(ServiceAttribute attribute) {
		return attribute.values().stream().map(ServiceAttribute.Value::key).collect(Collectors.toSet());
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
