package org.grassroots.lifeevents.internal.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.grassroots.lifeevents.CalendarDay;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The set days of the working-day calendar, one row a day. */
@Repository
public class CalendarDayRepository {

	private final JdbcClient jdbc;

	CalendarDayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every set day: the whole table is a few dozen rows a year, read at once into memory. */
	public List<CalendarDay> all() {
		return jdbc.sql("select * from le_calendar_day order by cal_date").query((rs, n) -> row(rs)).list();
	}

	public List<CalendarDay> between(LocalDate from, LocalDate to) {
		return jdbc.sql("select * from le_calendar_day where cal_date >= :from and cal_date <= :to order by cal_date")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> row(rs))
			.list();
	}

	public Optional<CalendarDay> find(LocalDate day) {
		return jdbc.sql("select * from le_calendar_day where cal_date = :day").param("day", day).query((rs, n) -> row(rs)).optional();
	}

	/** Sets a day not set before, at version 1 (a duplicate key when another got there first). */
	public void insert(LocalDate day, CalendarDay.Kind kind, String nameZh, @Nullable String nameEn, String by, Instant at) {
		jdbc.sql("""
				insert into le_calendar_day (cal_date, kind, name_zh, name_en, version, changed_by, changed_at)
				values (:day, :kind, :nameZh, :nameEn, 1, :by, :at)
				""")
			.param("day", day)
			.param("kind", kind.name())
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("by", by)
			.param("at", Times.utc(at))
			.update();
	}

	/** Changes a set day if its version is still the one seen; answers whether it was. */
	public boolean update(LocalDate day, CalendarDay.Kind kind, String nameZh, @Nullable String nameEn, int version,
			String by, Instant at) {
		return jdbc.sql("""
				update le_calendar_day set kind = :kind, name_zh = :nameZh, name_en = :nameEn, version = version + 1,
				    changed_by = :by, changed_at = :at
				where cal_date = :day and version = :version
				""")
			.param("day", day)
			.param("kind", kind.name())
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("by", by)
			.param("at", Times.utc(at))
			.param("version", version)
			.update() == 1;
	}

	/** Removes a set day if its version is still the one seen; answers whether it was. */
	public boolean delete(LocalDate day, int version) {
		return jdbc.sql("delete from le_calendar_day where cal_date = :day and version = :version")
			.param("day", day)
			.param("version", version)
			.update() == 1;
	}

	private static CalendarDay row(ResultSet rs) throws SQLException {
		return new CalendarDay(rs.getObject("cal_date", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")),
				rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("version"), rs.getString("changed_by"),
				Objects.requireNonNull(Times.instant(rs.getObject("changed_at", OffsetDateTime.class))));
	}

}
