package org.grassroots.units.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.units.Batch;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The unit table. Every read for a person takes their scope and puts it in the WHERE clause. */
@Repository
public class UnitRepository {

	private static final String SELECT = """
			select u.id, u.code, u.name_zh, u.name_en, u.level, u.batch, u.kind, u.parent_id, u.path, u.depth,
			       u.demo, u.version,
			       (select count(*) from unit c where c.parent_id = u.id) as child_count
			from unit u
			""";

	private final JdbcClient jdbc;

	public UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(long id, DataScope scope) {
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql(SELECT + " where u.id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id)
			.query(UnitRepository::map)
			.optional();
	}

	public Optional<Unit> findByCode(String code, DataScope scope) {
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql(SELECT + " where u.code = :code and " + inScope.sql())
			.params(inScope.params())
			.param("code", code)
			.query(UnitRepository::map)
			.optional();
	}

	/** Locks the unit's row for the rest of the transaction, so a concurrent move cannot change its path. */
	public Optional<Unit> lock(long id, DataScope scope) {
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql("select u.id from unit u where u.id = :id and " + inScope.sql() + " for update")
			.params(inScope.params())
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(locked -> find(locked, DataScope.CITY));
	}

	public List<Unit> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where u.id in (:ids)").param("ids", List.copyOf(ids)).query(UnitRepository::map).list();
	}

	public List<Unit> findByCodes(Collection<String> codes, DataScope scope) {
		if (codes.isEmpty()) {
			return List.of();
		}
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql(SELECT + " where u.code in (:codes) and " + inScope.sql() + " order by u.depth")
			.params(inScope.params())
			.param("codes", List.copyOf(codes))
			.query(UnitRepository::map)
			.list();
	}

	/** The paths of the units in scope, at most {@code limit} of them. */
	public List<String> paths(DataScope scope, int limit) {
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql("select u.path from unit u where " + inScope.sql() + " fetch first " + limit + " rows only")
			.params(inScope.params())
			.query(String.class)
			.list();
	}

	public List<Unit> children(long parentId, DataScope scope, int offset, int limit) {
		SqlCondition inScope = scope.on("u.path");
		return jdbc.sql(SELECT + " where u.parent_id = :parent and " + inScope.sql()
				+ " order by u.kind, u.code offset :offset rows fetch next :limit rows only")
			.params(inScope.params())
			.param("parent", parentId)
			.param("offset", offset)
			.param("limit", limit)
			.query(UnitRepository::map)
			.list();
	}

	/** The tops of the scope: units in scope whose parent is not. */
	public List<Unit> roots(DataScope scope) {
		if (scope.all()) {
			return jdbc.sql(SELECT + " where u.parent_id is null order by u.code").query(UnitRepository::map).list();
		}
		var paths = new java.util.HashSet<>(scope.subtrees());
		paths.addAll(scope.units());
		if (paths.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where u.path in (:paths) order by u.path")
			.param("paths", List.copyOf(paths))
			.query(UnitRepository::map)
			.list()
			.stream()
			.filter(unit -> paths.stream().noneMatch(other -> !other.equals(unit.path()) && unit.path().startsWith(other)))
			.toList();
	}

	public List<Unit> search(String text, DataScope scope, int limit) {
		SqlCondition inScope = scope.on("u.path");
		String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT) + "%";
		return jdbc.sql(SELECT + " where (lower(u.name_zh) like :pattern or lower(u.name_en) like :pattern or lower(u.code) like :pattern)"
				+ " and " + inScope.sql() + " order by u.depth, u.code fetch first :limit rows only")
			.params(inScope.params())
			.param("pattern", pattern)
			.param("limit", limit)
			.query(UnitRepository::map)
			.list();
	}

	public boolean codeExists(String code) {
		return jdbc.sql("select count(*) from unit where code = :code").param("code", code).query(Long.class).single() > 0;
	}

	public List<String> existingCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select code from unit where code in (:codes)")
			.param("codes", List.copyOf(codes))
			.query(String.class)
			.list();
	}

	public long insert(NewUnit unit, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into unit (code, name_zh, name_en, level, batch, kind, parent_id, path, depth, demo, created_at)
				values (:code, :nameZh, :nameEn, :level, :batch, :kind, :parentId, :path, :depth, :demo, :now)
				""")
			.param("code", unit.code())
			.param("nameZh", unit.nameZh())
			.param("nameEn", unit.nameEn())
			.param("level", unit.level().name())
			.param("batch", unit.batch().name())
			.param("kind", unit.kind().name())
			.param("parentId", unit.parentId())
			.param("path", unit.path())
			.param("depth", unit.depth())
			.param("demo", unit.demo())
			.param("now", Times.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** @return false when the version was stale */
	public boolean rename(long id, String nameZh, @Nullable String nameEn, int version) {
		return jdbc.sql("""
				update unit set name_zh = :nameZh, name_en = :nameEn, version = version + 1
				where id = :id and version = :version
				""")
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** @return false when the version was stale */
	public boolean reparent(long id, long parentId, int version) {
		return jdbc.sql("update unit set parent_id = :parent, version = version + 1 where id = :id and version = :version")
			.param("parent", parentId)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Rewrites the path and depth of every unit in the subtree; returns how many. */
	public int rewritePaths(String oldPath, String newPath, int depthChange) {
		return jdbc.sql("""
				update unit set path = concat(:newPath, substring(path, :keep)), depth = depth + :depthChange
				where path like :oldPrefix
				""")
			.param("newPath", newPath)
			.param("keep", oldPath.length() + 1)
			.param("depthChange", depthChange)
			.param("oldPrefix", oldPath + "%")
			.update();
	}

	static Unit map(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				UnitLevel.valueOf(rs.getString("level")), Batch.valueOf(rs.getString("batch")),
				UnitKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class), rs.getString("path"),
				rs.getInt("depth"), rs.getBoolean("demo"), rs.getInt("version"), rs.getInt("child_count"));
	}

	/** A unit about to be inserted, its place already checked. */
	public record NewUnit(String code, String nameZh, @Nullable String nameEn, UnitLevel level, Batch batch,
			UnitKind kind, long parentId, String path, int depth, boolean demo) {

	}

}
