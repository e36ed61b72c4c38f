package org.grassroots.learning.internal;

import java.util.Collection;
import java.util.List;

import org.grassroots.shared.Database;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members whose learning changed since the dashboard last counted them ({@code learning_changed}).
 * A writer marks a member while holding the member's lock; the mark is an upsert that locks the
 * mark's row, so a taker that is removing it either commits first (and the writer's mark is written
 * again after it) or skips it (and finds it the next time). No change is left unmarked.
 */
@Repository
public class ChangedMembers {

	/** For the one-statement check-in ({@link PointScans}): marks the members an insert returned. */
	static final String MARK_INSERTED = """
			insert into learning_changed (account_id) select account_id from ins
			on conflict (account_id) do update set account_id = excluded.account_id
			""";

	private final JdbcClient jdbc;

	private final Database database;

	ChangedMembers(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	public void mark(long accountId) {
		jdbc.sql(database.postgres()
				? "insert into learning_changed (account_id) values (:id) on conflict (account_id) do update set account_id = excluded.account_id"
				: "merge into learning_changed key (account_id) values (:id)")
			.param("id", accountId)
			.update();
	}

	public boolean any() {
		return jdbc.sql("select count(*) from (select 1 from learning_changed fetch first 1 rows only) x").query(Long.class).single() > 0;
	}

	/**
	 * Takes up to {@code most} marked members (only among {@code among} when given), in account
	 * order, skipping marks another transaction holds; their marks are gone when the caller commits.
	 */
	public List<Long> take(int most, @Nullable Collection<Long> among) {
		if (among != null && among.isEmpty()) {
			return List.of();
		}
		List<Long> taken = jdbc.sql("select account_id from learning_changed"
				+ (among == null ? "" : " where account_id in (:among)")
				+ " order by account_id fetch first :most rows only for update skip locked")
			.param("most", most)
			.param("among", among == null ? List.of(0L) : among)
			.query(Long.class)
			.list();
		if (!taken.isEmpty()) {
			jdbc.sql("delete from learning_changed where account_id in (:ids)").param("ids", taken).update();
		}
		return taken;
	}

}
