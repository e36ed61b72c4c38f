package org.grassroots.open311;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.shared.DomainException;

/** Checks {@code attribute[code]} values against a service definition before anything is stored. */
final class AttributeCheck {

	private static final int MAX_LENGTH = 1000;

	private AttributeCheck() {
	}

	static Map<String, List<String>> check(List<ServiceAttribute> definition, Map<String, List<String>> given) {
		Map<String, ServiceAttribute> byCode = definition.stream()
			.collect(Collectors.toMap(ServiceAttribute::code, attribute -> attribute));
		for (String code : given.keySet()) {
			if (!byCode.containsKey(code)) {
				throw DomainException.invalid("open311.error.attribute-unknown", code);
			}
		}
		Map<String, List<String>> checked = new LinkedHashMap<>();
		for (ServiceAttribute attribute : definition) {
			List<String> values = given.getOrDefault(attribute.code(), List.of())
				.stream()
				.map(String::trim)
				.filter(value -> !value.isEmpty())
				.toList();
			if (values.isEmpty()) {
				if (attribute.required()) {
					throw DomainException.invalid("open311.error.attribute-required", attribute.code());
				}
				continue;
			}
			if (values.size() > 1 && !attribute.datatype().equals("multivaluelist")) {
				throw DomainException.invalid("open311.error.attribute-value", attribute.code());
			}
			values.forEach(value -> checkValue(attribute, value));
			checked.put(attribute.code(), values);
		}
		return checked;
	}

	private static void checkValue(ServiceAttribute attribute, String value) {
		boolean valid = switch (attribute.datatype()) {
			case "number" -> parses(() -> new BigDecimal(value));
			case "datetime" -> parses(() -> OffsetDateTime.parse(value));
			case "singlevaluelist", "multivaluelist" -> keys(attribute).contains(value);
			default -> value.length() <= MAX_LENGTH;
		};
		if (!valid) {
			throw DomainException.invalid("open311.error.attribute-value", attribute.code());
		}
	}

	/** An absolute http(s) URL, or 400. */
	static String url(String value) {
		try {
			URI uri = URI.create(value.trim());
			if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
					&& value.length() <= MAX_LENGTH) {
				return uri.toString();
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw DomainException.invalid("open311.error.parameter", "media_url");
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
