package org.grassroots.visits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.PathRewrite;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.visits.Visit;
import org.grassroots.visits.VisitFilter;
import org.grassroots.visits.VisitKind;
import org.grassroots.visits.VisitPhoto;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visits, their photos and the problems they collected; every read scoped in the query. */
@Repository
public class VisitRepository {

	private final JdbcClient jdbc;

	VisitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new visit's columns, as the facade checked them. */
	public record NewRow(VisitKind kind, LocalDate visitDate, String place, long unitId, String unitPath,
			String districtCode, long cadreAccountId, String cadreName, long cadreUnitId, String cadreUnitPath,
			@Nullable String peopleMet, String discussed, int problemsCollected, int solvedOnSpot) {

	}

	public long insert(NewRow row, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into visit (kind, visit_date, place, unit_id, unit_path, district_code, cadre_account_id, cadre_name,
				                   cadre_unit_id, cadre_unit_path, people_met, discussed, problems_collected, solved_on_spot,
				                   solved_later, created_at, updated_at, version)
				values (:kind, :date, :place, :unitId, :unitPath, :district, :cadre, :cadreName, :cadreUnitId, :cadreUnitPath,
				        :peopleMet, :discussed, :collected, :onSpot, 0, :now, :now, 0)
				""")
			.param("kind", row.kind().name())
			.param("date", row.visitDate())
			.param("place", row.place())
			.param("unitId", row.unitId())
			.param("unitPath", row.unitPath())
			.param("district", row.districtCode())
			.param("cadre", row.cadreAccountId())
			.param("cadreName", row.cadreName())
			.param("cadreUnitId", row.cadreUnitId())
			.param("cadreUnitPath", row.cadreUnitPath())
			.param("peopleMet", row.peopleMet())
			.param("discussed", row.discussed())
			.param("collected", row.problemsCollected())
			.param("onSpot", row.solvedOnSpot())
			.param("now", Times.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** A visit is visible where the visited unit or the cadre's unit lies in scope. */
	static SqlCondition visible(DataScope scope) {
		SqlCondition place = scope.on("v.unit_path", "vu");
		SqlCondition cadre = scope.on("v.cadre_unit_path", "vc");
		Map<String, Object> params = new HashMap<>(place.params());
		params.putAll(cadre.params());
		return new SqlCondition("(" + place.sql() + " or " + cadre.sql() + ")", params);
	}

	public Optional<Visit> find(long id, DataScope scope) {
		SqlCondition visible = visible(scope);
		return jdbc.sql("select v.* from visit v where v.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(VisitRepository::visit)
			.optional();
	}

	public List<Visit> list(VisitFilter filter, DataScope scope, int limit, int offset) {
		SqlCondition where = where(filter, scope);
		return jdbc.sql("select v.* from visit v where " + where.sql()
				+ " order by v.visit_date desc, v.id desc limit :limit offset :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(VisitRepository::visit)
			.list();
	}

	/** How many visits the filter matches, counted up to {@code cap + 1} (a city's log holds millions). */
	public long count(VisitFilter filter, DataScope scope, int cap) {
		SqlCondition where = where(filter, scope);
		return jdbc.sql("select count(*) from (select 1 from visit v where " + where.sql() + " limit " + (cap + 1)
				+ ") counted").params(where.params()).query(Long.class).single();
	}

	/** Every visit the filter matches, from a cursor, for the export. */
	public void stream(VisitFilter filter, DataScope scope, Consumer<Visit> sink) {
		SqlCondition where = where(filter, scope);
		stream("select v.* from visit v where " + where.sql() + " order by v.visit_date desc, v.id desc", where.params(),
				sink);
	}

	/** Every visit of the city, in one pass, for the dashboard's rebuild. */
	public void streamAll(Consumer<Visit> sink) {
		stream("select v.* from visit v order by v.id", Map.of(), sink);
	}

	private void stream(String sql, Map<String, Object> params, Consumer<Visit> sink) {
		try (var rows = jdbc.sql(sql).params(params).withFetchSize(500).query(VisitRepository::visit).stream()) {
			rows.forEach(sink);
		}
	}

	private static SqlCondition where(VisitFilter filter, DataScope scope) {
		SqlCondition visible = visible(scope);
		List<String> terms = new ArrayList<>(List.of(visible.sql()));
		Map<String, Object> params = new HashMap<>(visible.params());
		if (filter.kind() != null) {
			terms.add("v.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.month() != null) {
			terms.add("v.visit_date between :first and :last");
			params.put("first", filter.month().atDay(1));
			params.put("last", filter.month().atEndOfMonth());
		}
		if (filter.cadre() != null && !filter.cadre().isBlank()) {
			terms.add("lower(v.cadre_name) like :cadre");
			params.put("cadre", "%" + filter.cadre().trim().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
		}
		if (filter.unitPath() != null) {
			terms.add("v.unit_path like :unitPath");
			params.put("unitPath", filter.unitPath() + "%");
		}
		if (filter.cadreAccountId() != null) {
			terms.add("v.cadre_account_id = :cadreAccount");
			params.put("cadreAccount", filter.cadreAccountId());
		}
		return new SqlCondition(String.join(" and ", terms), params);
	}

	/** Sets the visit's new counts and bumps its version, if it still has the version read. */
	public boolean update(long id, int version, int solvedLater, Instant now) {
		return jdbc.sql("""
				update visit set solved_later = :later, version = version + 1, updated_at = :now
				where id = :id and version = :version
				""")
			.param("later", solvedLater)
			.param("now", Times.utc(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Bumps the version only (a photo added), if it still has the version the person saw. */
	public boolean touch(long id, int version, Instant now) {
		return jdbc.sql("update visit set version = version + 1, updated_at = :now where id = :id and version = :version")
			.param("now", Times.utc(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public void insertPhoto(long visitId, String fileName, String contentType, long size, String sha256,
			String storageKey, Instant now) {
		jdbc.sql("""
				insert into visit_photo (visit_id, file_name, content_type, size_bytes, sha256, storage_key, created_at)
				values (:visit, :name, :type, :size, :sha, :key, :now)
				""")
			.param("visit", visitId)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", size)
			.param("sha", sha256)
			.param("key", storageKey)
			.param("now", Times.utc(now))
			.update();
	}

	public List<VisitPhoto> photos(long visitId) {
		return jdbc.sql("select * from visit_photo where visit_id = :visit order by id")
			.param("visit", visitId)
			.query((rs, n) -> new VisitPhoto(rs.getLong("id"), rs.getLong("visit_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "created_at")))
			.list();
	}

	/** A photo's storage key and type, when it belongs to the visit. */
	public Optional<String[]> photoFile(long visitId, long photoId) {
		return jdbc.sql("select storage_key, content_type from visit_photo where visit_id = :visit and id = :id")
			.param("visit", visitId)
			.param("id", photoId)
			.query((rs, n) -> new String[] { rs.getString("storage_key"), rs.getString("content_type") })
			.optional();
	}

	public void insertProblem(long visitId, long problemId, boolean onSpot, boolean closed) {
		jdbc.sql("insert into visit_problem (problem_id, visit_id, on_spot, closed) values (:problem, :visit, :onSpot, :closed)")
			.param("problem", problemId)
			.param("visit", visitId)
			.param("onSpot", onSpot)
			.param("closed", closed)
			.update();
	}

	/** The problems of a visit recorded as solved on the spot. */
	public List<Long> onSpot(long visitId) {
		return jdbc.sql("select problem_id from visit_problem where visit_id = :visit and on_spot = true order by problem_id")
			.param("visit", visitId)
			.query(Long.class)
			.list();
	}

	/** The visit a problem was collected on, if any. */
	public Optional<Long> visitOf(long problemId) {
		return jdbc.sql("select visit_id from visit_problem where problem_id = :problem")
			.param("problem", problemId)
			.query(Long.class)
			.optional();
	}

	/** Records whether the problem is closed now; false when it already was as told (a repeated event). */
	public boolean markClosed(long problemId, boolean closed) {
		return jdbc.sql("update visit_problem set closed = :closed where problem_id = :problem and closed <> :closed")
			.param("closed", closed)
			.param("problem", problemId)
			.update() == 1;
	}

	/** The problems of a visit not solved on the spot that are closed now. */
	public int solvedLater(long visitId) {
		return jdbc.sql("select count(*) from visit_problem where visit_id = :visit and on_spot = false and closed = true")
			.param("visit", visitId)
			.query(Integer.class)
			.single();
	}

	/** One row per cadre with visits in the month and scope: visits per kind and the problem counts. */
	public List<Map<String, Object>> summary(LocalDate first, LocalDate last, DataScope scope, @Nullable String unitPath) {
		SqlCondition visible = visible(scope);
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("first", first);
		params.put("last", last);
		String unit = "";
		if (unitPath != null) {
			unit = " and v.unit_path like :unitPath";
			params.put("unitPath", unitPath + "%");
		}
		return jdbc.sql("""
				select v.cadre_account_id, max(v.cadre_name) as cadre_name, max(v.cadre_unit_id) as cadre_unit_id, v.kind,
				       count(*) as visits, sum(v.problems_collected) as collected, sum(v.solved_on_spot) as on_spot,
				       sum(v.solved_later) as later
				from visit v where v.visit_date between :first and :last and """ + visible.sql() + unit + """
				 group by v.cadre_account_id, v.kind order by v.cadre_account_id
				""")
			.params(params)
			.query()
			.listOfRows();
	}

	/** Rewrites every copied path under a moved unit, here and in the reception days. */
	public void rewritePaths(String oldPrefix, String newPrefix) {
		rewrite("visit", "unit_path", oldPrefix, newPrefix);
		rewrite("visit", "cadre_unit_path", oldPrefix, newPrefix);
		rewrite("reception_day", "unit_path", oldPrefix, newPrefix);
	}

	private void rewrite(String table, String column, String oldPrefix, String newPrefix) {
		PathRewrite.rewrite(jdbc, table, column, oldPrefix, newPrefix);
	}

	static Visit visit(ResultSet rs, int row) throws SQLException {
		return new Visit(rs.getLong("id"), VisitKind.valueOf(rs.getString("kind")), rs.getObject("visit_date", LocalDate.class),
				rs.getString("place"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getLong("cadre_account_id"),
				rs.getString("cadre_name"), rs.getLong("cadre_unit_id"), rs.getString("cadre_unit_path"),
				rs.getString("people_met"), rs.getString("discussed"), rs.getInt("problems_collected"),
				rs.getInt("solved_on_spot"), rs.getInt("solved_later"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
