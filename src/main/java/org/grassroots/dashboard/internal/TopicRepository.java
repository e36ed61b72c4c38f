package org.grassroots.dashboard.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The months' topics, one row a month (month_key yyyymm). */
@Repository
public class TopicRepository {

	private final JdbcClient jdbc;

	TopicRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored topic row, the category by its code. */
	public record Row(YearMonth month, String categoryCode, String note, int version, String chosenBy,
			Instant chosenAt) {

	}

	public Optional<Row> find(YearMonth month) {
		return jdbc.sql("select * from dash_topic where month_key = :month")
			.param("month", Fact.key(month))
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** Every topic up to a month, newest first. */
	public List<Row> upTo(YearMonth month) {
		return jdbc.sql("select * from dash_topic where month_key <= :month order by month_key desc")
			.param("month", Fact.key(month))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Adds a month's first topic at version 1 (a duplicate key when another got there first). */
	public void insert(YearMonth month, String category, String note, String by, Instant at) {
		jdbc.sql("""
				insert into dash_topic (month_key, category_code, note, version, chosen_by, chosen_at)
				values (:month, :category, :note, 1, :by, :at)
				""")
			.param("month", Fact.key(month))
			.param("category", category)
			.param("note", note)
			.param("by", by)
			.param("at", Times.utc(at))
			.update();
	}

	/** Changes a month's topic if the version is still the one seen; answers whether it was. */
	public boolean update(YearMonth month, String category, String note, int version, String by, Instant at) {
		return jdbc.sql("""
				update dash_topic set category_code = :category, note = :note, version = version + 1,
				    chosen_by = :by, chosen_at = :at
				where month_key = :month and version = :version
				""")
			.param("month", Fact.key(month))
			.param("category", category)
			.param("note", note)
			.param("by", by)
			.param("at", Times.utc(at))
			.param("version", version)
			.update() == 1;
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		int key = rs.getInt("month_key");
		return new Row(YearMonth.of(key / 100, key % 100), rs.getString("category_code"), rs.getString("note"),
				rs.getInt("version"), rs.getString("chosen_by"),
				Times.instant(rs.getObject("chosen_at", OffsetDateTime.class)));
	}

}
