package org.grassroots.shared;

import java.util.Map;

/** A fragment of a WHERE clause with its bound parameters, never spliced values. */
public record SqlCondition(String sql, Map<String, Object> params) {

	public static SqlCondition always() {
		return new SqlCondition("1=1", Map.of());
	}

	public static SqlCondition never() {
		return new SqlCondition("1=0", Map.of());
	}

}
