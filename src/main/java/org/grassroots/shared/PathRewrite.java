package org.grassroots.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites a copied materialized path column after a unit moved: every value under the old prefix
 * gets the new prefix, in one indexed prefix update. Each module that copies unit paths calls it on
 * {@code UnitMoved} for its own tables, in the mover's transaction.
 */
public final class PathRewrite {

	private PathRewrite() {
	}

	/**
	 * @param table and column are the module's own names, never input
	 * @return the rows rewritten
	 */
	public static int rewrite(JdbcClient jdbc, String table, String column, String oldPrefix, String newPrefix) {
		return jdbc.sql("update " + table + " set " + column + " = :new || substring(" + column + ", :cut) where "
				+ column + " like :old")
			.param("new", newPrefix)
			.param("cut", oldPrefix.length() + 1)
			.param("old", oldPrefix + "%")
			.update();
	}

}
