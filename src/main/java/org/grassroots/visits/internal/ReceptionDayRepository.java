package org.grassroots.visits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.visits.ReceptionDay;
import org.grassroots.visits.VisitCommands.NewReceptionDay;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reception days: staff read them within their scope, the public the coming ones of a unit's lineage. */
@Repository
public class ReceptionDayRepository {

	private final JdbcClient jdbc;

	ReceptionDayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewReceptionDay day, long cadreAccountId, String cadreName, long unitId, String unitPath,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into reception_day (cadre_account_id, cadre_name, cadre_title, unit_id, unit_path, address,
				                           reception_date, starts_at, ends_at, topics, cancelled, created_at, updated_at, version)
				values (:cadre, :cadreName, :title, :unitId, :unitPath, :address, :date, :starts, :ends, :topics, false,
				        :now, :now, 0)
				""")
			.param("cadre", cadreAccountId)
			.param("cadreName", cadreName)
			.param("title", day.cadreTitle().trim())
			.param("unitId", unitId)
			.param("unitPath", unitPath)
			.param("address", day.address().trim())
			.param("date", day.receptionDate())
			.param("starts", day.startsAt())
			.param("ends", day.endsAt())
			.param("topics", day.topics() == null || day.topics().isBlank() ? null : day.topics().trim())
			.param("now", Times.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public Optional<ReceptionDay> find(long id, DataScope scope) {
		SqlCondition visible = scope.on("r.unit_path");
		return jdbc.sql("select r.* from reception_day r where r.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(ReceptionDayRepository::day)
			.optional();
	}

	/** Days in scope from a date on, cancelled ones included, soonest first. */
	public List<ReceptionDay> inScope(DataScope scope, LocalDate from, int limit) {
		SqlCondition visible = scope.on("r.unit_path");
		return jdbc.sql("select r.* from reception_day r where r.reception_date >= :from and " + visible.sql()
				+ " order by r.reception_date, r.starts_at, r.id limit :limit")
			.params(visible.params())
			.param("from", from)
			.param("limit", limit)
			.query(ReceptionDayRepository::day)
			.list();
	}

	/** The coming days, not cancelled, of the given units exactly (a unit and its ancestors). */
	public List<ReceptionDay> coming(Collection<String> unitPaths, LocalDate from, int limit) {
		return jdbc.sql("""
				select r.* from reception_day r
				where r.unit_path in (:paths) and r.reception_date >= :from and r.cancelled = false
				order by r.reception_date, r.starts_at, r.id limit :limit
				""")
			.param("paths", List.copyOf(unitPaths))
			.param("from", from)
			.param("limit", limit)
			.query(ReceptionDayRepository::day)
			.list();
	}

	public boolean cancel(long id, int version, @Nullable String reason, Instant now) {
		return jdbc.sql("""
				update reception_day set cancelled = true, cancel_reason = :reason, version = version + 1, updated_at = :now
				where id = :id and version = :version and cancelled = false
				""")
			.param("reason", reason)
			.param("now", Times.utc(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	static ReceptionDay day(ResultSet rs, int row) throws SQLException {
		return new ReceptionDay(rs.getLong("id"), rs.getLong("cadre_account_id"), rs.getString("cadre_name"),
				rs.getString("cadre_title"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("address"),
				rs.getObject("reception_date", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
				rs.getObject("ends_at", LocalTime.class), rs.getString("topics"), rs.getBoolean("cancelled"),
				rs.getString("cancel_reason"), rs.getInt("version"));
	}

}
