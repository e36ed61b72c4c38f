package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.grassroots.dashboard.Measure;
import org.grassroots.shared.PathRewrite;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counter table {@code dash_count}: one row per unit subtree, month and category (and '*' for
 * all categories), each measure a column. Additions are rolled up to every ancestor here.
 */
@Repository
public class Counters {

	/** The category key of the rows that hold all categories together. */
	public static final String ALL = "*";

	static final List<Measure> MEASURES = List.of(Measure.values());

	private static final String COLUMNS = MEASURES.stream().map(Measure::column).collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	Counters(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** A counter row's key; sorted so that concurrent writers lock rows in one order. */
	public record Key(String unitPath, int month, String categoryCode) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byPath = unitPath.compareTo(other.unitPath);
			if (byPath != 0) {
				return byPath;
			}
			return month != other.month ? Integer.compare(month, other.month) : categoryCode.compareTo(other.categoryCode);
		}

	}

	/** A row as read: its unit, month, category and one value per {@link Measure}. */
	public record Row(String unitPath, int month, String categoryCode, long[] values) {

		public long get(Measure measure) {
			return values[measure.ordinal()];
		}

	}

	/** Collects additions, rolled up to every ancestor and to the all-categories rows, before they are written. */
	public static final class Delta {

		private final Map<Key, long[]> sums = new TreeMap<>();

		public void add(Fact.Contribution contribution, int sign) {
			for (String path : Fact.lineage(contribution.unitPath())) {
				add(new Key(path, contribution.month(), contribution.categoryCode()), contribution.measure(),
						sign * contribution.amount());
				add(new Key(path, contribution.month(), ALL), contribution.measure(), sign * contribution.amount());
			}
		}

		public void add(Key key, Measure measure, long amount) {
			sums.computeIfAbsent(key, k -> new long[MEASURES.size()])[measure.ordinal()] += amount;
		}

		public void addAll(Fact fact, int sign) {
			fact.contributions().forEach(contribution -> add(contribution, sign));
		}

		Map<Key, long[]> nonZero() {
			Map<Key, long[]> rows = new TreeMap<>();
			sums.forEach((key, values) -> {
				if (Arrays.stream(values).anyMatch(value -> value != 0)) {
					rows.put(key, values);
				}
			});
			return rows;
		}

		public boolean isEmpty() {
			return nonZero().isEmpty();
		}

		/** How many rows are being summed, zero or not. */
		int size() {
			return sums.size();
		}

	}

	/** Adds the delta row by row, in key order; a row is created the first time it is needed. */
	public void apply(Delta delta) {
		delta.nonZero().forEach((key, values) -> {
			if (update(key, values) == 0) {
				jdbc.sql("insert into dash_count (unit_path, parent_path, month_key, category_code) "
						+ "values (:path, :parent, :month, :category) on conflict do nothing")
					.param("path", key.unitPath())
					.param("parent", Fact.parentOf(key.unitPath()))
					.param("month", key.month())
					.param("category", key.categoryCode())
					.update();
				update(key, values);
			}
		});
	}

	private int update(Key key, long[] values) {
		StringBuilder sql = new StringBuilder("update dash_count set ");
		MapSqlParameterSource params = key(key);
		for (Measure measure : MEASURES) {
			if (values[measure.ordinal()] != 0) {
				if (params.getValues().size() > 3) {
					sql.append(", ");
				}
				sql.append(measure.column()).append(" = ").append(measure.column()).append(" + :").append(measure.column());
				params.addValue(measure.column(), values[measure.ordinal()]);
			}
		}
		sql.append(" where unit_path = :path and month_key = :month and category_code = :category");
		return named.update(sql.toString(), params);
	}

	/** Writes a slice of the rebuild's sums to the stage; {@link #addUpStage} adds the slices up. */
	public void stage(Map<Key, long[]> rows) {
		insertInto("dash_count_stage", rows);
	}

	/** Adds up the staged slices into the (emptied) counter table and empties the stage. */
	public void addUpStage() {
		String sums = MEASURES.stream()
			.map(measure -> "sum(" + measure.column() + ")")
			.collect(Collectors.joining(", "));
		jdbc.sql("insert into dash_count (unit_path, parent_path, month_key, category_code, " + COLUMNS + ") "
				+ "select unit_path, parent_path, month_key, category_code, " + sums + " from dash_count_stage "
				+ "group by unit_path, parent_path, month_key, category_code")
			.update();
		jdbc.sql("delete from dash_count_stage").update();
	}

	private void insertInto(String table, Map<Key, long[]> rows) {
		List<MapSqlParameterSource> batch = new ArrayList<>();
		String sql = "insert into " + table + " (unit_path, parent_path, month_key, category_code, " + COLUMNS
				+ ") values (:path, :parent, :month, :category, "
				+ MEASURES.stream().map(measure -> ":" + measure.column()).collect(Collectors.joining(", ")) + ")";
		for (Map.Entry<Key, long[]> row : rows.entrySet()) {
			MapSqlParameterSource params = key(row.getKey()).addValue("parent", Fact.parentOf(row.getKey().unitPath()));
			MEASURES.forEach(measure -> params.addValue(measure.column(), row.getValue()[measure.ordinal()]));
			batch.add(params);
			if (batch.size() == 500) {
				named.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			named.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
		}
	}

	private static MapSqlParameterSource key(Key key) {
		return new MapSqlParameterSource().addValue("path", key.unitPath())
			.addValue("month", key.month())
			.addValue("category", key.categoryCode());
	}

	public void deleteAll() {
		jdbc.sql("delete from dash_count").update();
	}

	public long count() {
		return jdbc.sql("select count(*) from dash_count").query(Long.class).single();
	}

	/** A unit's rows for the given months and category. */
	public List<Row> ofUnit(String unitPath, Collection<Integer> months, String categoryCode) {
		return jdbc.sql("select * from dash_count where unit_path = :path and month_key in (:months) and category_code = :category")
			.param("path", unitPath)
			.param("months", List.copyOf(months))
			.param("category", categoryCode)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A unit's rows of every month between two keys, both included, for one category. */
	public List<Row> ofUnitBetween(String unitPath, int from, int to, String categoryCode) {
		return jdbc.sql("""
				select * from dash_count
				where unit_path = :path and month_key between :from and :to and category_code = :category
				order by month_key
				""")
			.param("path", unitPath)
			.param("from", from)
			.param("to", to)
			.param("category", categoryCode)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A unit's rows per category (not the all-categories row) for the given months. */
	public List<Row> categoriesOf(String unitPath, Collection<Integer> months) {
		return jdbc.sql("select * from dash_count where unit_path = :path and month_key in (:months) and category_code <> '*'")
			.param("path", unitPath)
			.param("months", List.copyOf(months))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The all-categories rows of a unit's children for the given months: one range of the parent index. */
	public List<Row> childrenOf(String parentPath, Collection<Integer> months) {
		return jdbc.sql("""
				select * from dash_count
				where parent_path = :parent and month_key in (:months) and category_code = '*'
				""")
			.param("parent", parentPath)
			.param("months", List.copyOf(months))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Every row of one unit exactly, for moving its totals between ancestors. */
	public List<Row> allOf(String unitPath) {
		return jdbc.sql("select * from dash_count where unit_path = :path")
			.param("path", unitPath)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Every row, for comparing a rebuild with what the events built. */
	public List<Row> all() {
		return jdbc.sql("select * from dash_count order by unit_path, month_key, category_code")
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Rewrites the paths of a moved subtree; its totals were moved between ancestors before. */
	public void rewritePaths(String oldPrefix, String newPrefix, @Nullable String newParent) {
		for (String column : List.of("unit_path", "parent_path")) {
			PathRewrite.rewrite(jdbc, "dash_count", column, oldPrefix, newPrefix);
		}
		jdbc.sql("update dash_count set parent_path = :parent where unit_path = :path")
			.param("parent", newParent)
			.param("path", newPrefix)
			.update();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		long[] values = new long[MEASURES.size()];
		for (Measure measure : MEASURES) {
			values[measure.ordinal()] = rs.getLong(measure.column());
		}
		return new Row(rs.getString("unit_path"), rs.getInt("month_key"), rs.getString("category_code"), values);
	}

}
