package org.grassroots.open311;

import java.util.List;

/** Extra information a service asks for (an Open311 attribute), in one language. */
public record ServiceAttribute(String code, String datatype, boolean required, int order, String description,
		List<Value> values) {

	/** One choice of a list attribute. */
	public record Value(String key, String name) {

	}

	public boolean isList() {
		return datatype.endsWith("valuelist");
	}

}
