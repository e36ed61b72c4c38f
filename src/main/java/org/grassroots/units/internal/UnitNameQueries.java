package org.grassroots.units.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.UnitNames;
import org.grassroots.units.UnitChoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Units by the start of a name or by code, for pickers, and names for codes and ids. Each match
 * reads an index (code, Chinese name, lower-case English name, V28_1); the scope is in the query.
 */
@Repository
public class UnitNameQueries {

	private static final String NAMED = "select id, code, path, name_zh, name_en from unit";

	/**
	 * Each way of matching takes its first {@value #CANDIDATES} units in scope and stops: a short,
	 * common start of a name would otherwise gather tens of thousands of units only to show 20.
	 */
	private static final String PICK = """
			select u.id, u.code, u.name_zh, u.name_en, u.level, u.batch, u.kind, u.parent_id, u.path, u.depth,
			       u.demo, u.version, 0 as child_count, p.name_zh as parent_zh, p.name_en as parent_en
			from unit u left join unit p on p.id = u.parent_id
			where u.id in (select id from unit where code = :code and %1$s
			               union (select id from unit where name_zh like :prefix escape '\\' and %1$s
			                      fetch first %2$d rows only)
			               union (select id from unit where name_en_key like :lowerPrefix escape '\\' and %1$s
			                      fetch first %2$d rows only))
			order by u.depth, u.name_zh, u.code fetch first :limit rows only
			""";

	static final int CANDIDATES = 100;

	private final JdbcClient jdbc;

	UnitNameQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Units in scope whose code is the text or whose name starts with it, higher levels first. */
	public List<UnitChoice> startingWith(String text, DataScope scope, int limit) {
		SqlCondition inScope = scope.on("path");
		String prefix = escapeLike(text) + "%";
		return jdbc.sql(PICK.formatted(inScope.sql(), CANDIDATES))
			.params(inScope.params())
			.param("code", text)
			.param("prefix", prefix)
			.param("lowerPrefix", prefix.toLowerCase(Locale.ROOT))
			.param("limit", limit)
			.query((rs, row) -> new UnitChoice(UnitRepository.map(rs, row), rs.getString("parent_zh"),
					rs.getString("parent_en")))
			.list();
	}

	/** Units in scope named exactly this, in either language; at most {@code limit}. */
	public List<UnitNames.Named> named(String name, DataScope scope, int limit) {
		SqlCondition inScope = scope.on("path");
		return jdbc.sql(NAMED + " where id in (select id from unit where name_zh = :name"
				+ " union select id from unit where name_en_key = :lower) and " + inScope.sql()
				+ " order by depth, code fetch first :limit rows only")
			.params(inScope.params())
			.param("name", name)
			.param("lower", name.toLowerCase(Locale.ROOT))
			.param("limit", limit)
			.query(UnitNameQueries::named)
			.list();
	}

	public List<UnitNames.Named> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(NAMED + " where code in (:codes)").param("codes", List.copyOf(codes)).query(UnitNameQueries::named).list();
	}

	public List<UnitNames.Named> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(NAMED + " where id in (:ids)").param("ids", List.copyOf(ids)).query(UnitNameQueries::named).list();
	}

	private static UnitNames.Named named(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new UnitNames.Named(rs.getLong("id"), rs.getString("code"), rs.getString("path"), rs.getString("name_zh"),
				rs.getString("name_en"));
	}

	/** A typed % or _ is a character to find, not a wildcard. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
