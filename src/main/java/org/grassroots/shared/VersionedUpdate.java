package org.grassroots.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One optimistic-lock update of a row: the given columns change and the version grows only if the
 * row still has the version the command saw. Instants are written in UTC, enums by name.
 */
public final class VersionedUpdate {

	private VersionedUpdate() {
	}

	/**
	 * @param table and the keys of {@code changes} are the module's own names, never input
	 * @param updatedAt written to {@code updated_at} when given
	 * @return whether the row had that version (false: someone changed it first, or it is gone)
	 */
	public static boolean apply(JdbcClient jdbc, String table, long id, int version,
			Map<String, @Nullable Object> changes, @Nullable Instant updatedAt) {
		List<String> sets = new ArrayList<>(List.of("version = version + 1"));
		Map<String, @Nullable Object> params = new HashMap<>();
		if (updatedAt != null) {
			sets.add("updated_at = :updatedAt");
			params.put("updatedAt", Times.utc(updatedAt));
		}
		changes.forEach((column, value) -> {
			sets.add(column + " = :" + column);
			params.put(column, value instanceof Instant instant ? Times.utc(instant)
					: value instanceof Enum<?> constant ? constant.name() : value);
		});
		return jdbc.sql("update " + table + " set " + String.join(", ", sets) + " where id = :id and version = :version")
			.params(params)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

}
