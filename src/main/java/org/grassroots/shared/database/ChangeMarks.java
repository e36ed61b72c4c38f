package org.grassroots.shared.database;

import java.util.Collection;
import java.util.List;

import org.grassroots.shared.Database;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of marks, one row per id of something changed since a reader last took it (a member's
 * learning, a problem): the cheap way for a read model to follow many small writes. A writer marks
 * in its own transaction, with an upsert that locks the mark's row; a reader takes marks in batches,
 * skipping the rows other transactions hold, and removes them in its own transaction. So a mark
 * being removed either commits first (and the writer's mark is written again after it) or is
 * skipped (and found the next time): no change goes unmarked, and two readers (two nodes) never
 * take the same id.
 */
public final class ChangeMarks {

	private final JdbcClient jdbc;

	private final String table;

	private final String mark;

	/** @param table a table whose only column is {@code id bigint primary key} */
	public ChangeMarks(JdbcClient jdbc, Database database, String table) {
		this.jdbc = jdbc;
		this.table = table;
		this.mark = database.postgres() ? upsertFrom("(values (cast(:id as bigint))) v") : "merge into " + table + " key (id) values (:id)";
	}

	/** A PostgreSQL upsert of the ids a query returns as {@code id}, e.g. from a CTE of the same statement. */
	public String upsertFrom(String source) {
		return "insert into " + table + " (id) select * from " + source
				+ " on conflict (id) do update set id = excluded.id";
	}

	public void mark(long id) {
		jdbc.sql(mark).param("id", id).update();
	}

	/** Whether anything is marked: one read and no transaction, for a reader that polls. */
	public boolean any() {
		return jdbc.sql("select count(*) from (select 1 from " + table + " fetch first 1 rows only) x").query(Long.class)
			.single() > 0;
	}

	/**
	 * Takes up to {@code most} marks (only among {@code among} when given) in id order, skipping those
	 * another transaction holds; they are gone when the caller commits and back if it rolls back.
	 */
	public List<Long> take(int most, @Nullable Collection<Long> among) {
		if (among != null && among.isEmpty()) {
			return List.of();
		}
		List<Long> taken = jdbc.sql("select id from " + table + (among == null ? "" : " where id in (:among)")
				+ " order by id fetch first :most rows only for update skip locked")
			.param("most", most)
			.param("among", among == null ? List.of(0L) : among)
			.query(Long.class)
			.list();
		if (!taken.isEmpty()) {
			jdbc.sql("delete from " + table + " where id in (:ids)").param("ids", taken).update();
		}
		return taken;
	}

}
