package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.PathRewrite;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaign counters ({@code dash_campaign}) and what each item last added to them. Additions
 * are rolled up to every ancestor here, in key order, so concurrent writers lock rows in one order.
 */
@Repository
public class CampaignStore {

	private final JdbcClient jdbc;

	CampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A counter row's key. */
	public record Key(String unitPath, int month, String measure) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byPath = unitPath.compareTo(other.unitPath);
			if (byPath != 0) {
				return byPath;
			}
			return month != other.month ? Integer.compare(month, other.month) : measure.compareTo(other.measure);
		}

	}

	/** Sums of additions, rolled up, before they are written. */
	public static final class Delta {

		private final Map<Key, Long> sums = new TreeMap<>();

		public void add(CampaignFigures.Count count, int sign) {
			for (String path : Fact.lineage(count.unitPath())) {
				add(new Key(path, count.monthKey(), count.measure()), (long) sign * count.amount());
			}
		}

		void add(Key key, long amount) {
			sums.merge(key, amount, Long::sum);
		}

		Map<Key, Long> nonZero() {
			Map<Key, Long> rows = new TreeMap<>();
			sums.forEach((key, amount) -> {
				if (amount != 0) {
					rows.put(key, amount);
				}
			});
			return rows;
		}

	}

	/** The item's last applied version, its row locked for the rest of the transaction; empty for a new item. */
	public Optional<Long> lock(String itemKey) {
		Optional<Long> version = jdbc.sql("select version from dash_campaign_item where item_key = :key for update")
			.param("key", itemKey)
			.query(Long.class)
			.optional();
		if (version.isPresent()) {
			return version;
		}
		// a concurrent first delivery of the same item inserts too: one waits, then reads its version
		jdbc.sql("insert into dash_campaign_item (item_key, version) values (:key, -1) on conflict do nothing")
			.param("key", itemKey)
			.update();
		return jdbc.sql("select version from dash_campaign_item where item_key = :key for update")
			.param("key", itemKey)
			.query(Long.class)
			.optional()
			.filter(stored -> stored >= 0);
	}

	public List<CampaignFigures.Count> counts(String itemKey) {
		return jdbc.sql("select unit_path, month_key, measure, amount from dash_campaign_item_count where item_key = :key")
			.param("key", itemKey)
			.query((rs, n) -> new CampaignFigures.Count(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** Replaces what the item adds and records its version. */
	public void replace(CampaignFigures figures) {
		jdbc.sql("delete from dash_campaign_item_count where item_key = :key").param("key", figures.itemKey()).update();
		insertCounts(figures);
		jdbc.sql("update dash_campaign_item set version = :version where item_key = :key")
			.param("version", figures.version())
			.param("key", figures.itemKey())
			.update();
	}

	/** Adds the delta row by row, in key order; a row is created the first time it is needed. */
	public void apply(Delta delta) {
		delta.nonZero().forEach((key, amount) -> {
			if (update(key, amount) == 0) {
				jdbc.sql("insert into dash_campaign (unit_path, parent_path, month_key, measure) "
						+ "values (:path, :parent, :month, :measure) on conflict do nothing")
					.param("path", key.unitPath())
					.param("parent", Fact.parentOf(key.unitPath()))
					.param("month", key.month())
					.param("measure", key.measure())
					.update();
				update(key, amount);
			}
		});
	}

	private int update(Key key, long amount) {
		return jdbc.sql("update dash_campaign set amount = amount + :amount "
				+ "where unit_path = :path and month_key = :month and measure = :measure")
			.param("amount", amount)
			.param("path", key.unitPath())
			.param("month", key.month())
			.param("measure", key.measure())
			.update();
	}

	/** Empties every campaign table, for a rebuild. */
	public void deleteAll() {
		jdbc.sql("delete from dash_campaign").update();
		jdbc.sql("delete from dash_campaign_item_count").update();
		jdbc.sql("delete from dash_campaign_item").update();
	}

	/** Records an item as the rebuild found it, without touching the counters. */
	public void insert(CampaignFigures figures) {
		jdbc.sql("insert into dash_campaign_item (item_key, version) values (:key, :version)")
			.param("key", figures.itemKey())
			.param("version", figures.version())
			.update();
		insertCounts(figures);
	}

	private void insertCounts(CampaignFigures figures) {
		Map<Key, Integer> merged = new TreeMap<>();
		figures.counts()
			.forEach(count -> merged.merge(new Key(count.unitPath(), count.monthKey(), count.measure()), count.amount(),
					Integer::sum));
		merged.forEach((key, amount) -> jdbc
			.sql("insert into dash_campaign_item_count (item_key, unit_path, month_key, measure, amount) "
					+ "values (:item, :path, :month, :measure, :amount)")
			.param("item", figures.itemKey())
			.param("path", key.unitPath())
			.param("month", key.month())
			.param("measure", key.measure())
			.param("amount", amount)
			.update());
	}

	/** Writes the rebuild's sums into the emptied counter table. */
	public void insertSums(Delta sums) {
		sums.nonZero()
			.forEach((key, amount) -> jdbc
				.sql("insert into dash_campaign (unit_path, parent_path, month_key, measure, amount) "
						+ "values (:path, :parent, :month, :measure, :amount)")
				.param("path", key.unitPath())
				.param("parent", Fact.parentOf(key.unitPath()))
				.param("month", key.month())
				.param("measure", key.measure())
				.param("amount", amount)
				.update());
	}

	/** A unit's figures for the given months: measure code to amount, per month key. */
	public Map<Integer, Map<String, Long>> ofUnit(String unitPath, Collection<Integer> months) {
		return ofUnit(unitPath, months, "");
	}

	/** A unit's figures for the given months whose measure code starts with the prefix. */
	public Map<Integer, Map<String, Long>> ofUnit(String unitPath, Collection<Integer> months, String prefix) {
		Map<Integer, Map<String, Long>> figures = new TreeMap<>();
		jdbc.sql("select month_key, measure, amount from dash_campaign where unit_path = :path and month_key in (:months) "
				+ "and measure like :prefix escape '!'")
			.param("path", unitPath)
			.param("months", List.copyOf(months))
			.param("prefix", like(prefix))
			.query((RowCallbackHandler) rs -> figures.computeIfAbsent(rs.getInt(1), month -> new TreeMap<>())
				.put(rs.getString(2), rs.getLong(3)));
		return figures;
	}

	/** The children's figures for the given months: child path to month key to measure code to amount. */
	public Map<String, Map<Integer, Map<String, Long>>> childrenOf(String parentPath, Collection<Integer> months) {
		return childrenOf(parentPath, months, "");
	}

	/**
	 * The children's figures for the given months whose measure code starts with the prefix (the
	 * one-thing figures, {@code LE_}; '_' and '%' in it match themselves).
	 */
	public Map<String, Map<Integer, Map<String, Long>>> childrenOf(String parentPath, Collection<Integer> months,
			String prefix) {
		Map<String, Map<Integer, Map<String, Long>>> figures = new TreeMap<>();
		jdbc.sql("""
				select unit_path, month_key, measure, amount from dash_campaign
				where parent_path = :parent and month_key in (:months) and measure like :prefix escape '!'
				""")
			.param("parent", parentPath)
			.param("months", List.copyOf(months))
			.param("prefix", like(prefix))
			.query((RowCallbackHandler) rs -> figures.computeIfAbsent(rs.getString(1), path -> new TreeMap<>())
				.computeIfAbsent(rs.getInt(2), month -> new TreeMap<>())
				.put(rs.getString(3), rs.getLong(4)));
		return figures;
	}

	private static String like(String prefix) {
		return prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
	}

	/** Every row of one unit exactly, for moving its totals between ancestors. */
	public List<Map.Entry<Key, Long>> allOf(String unitPath) {
		List<Map.Entry<Key, Long>> rows = new ArrayList<>();
		jdbc.sql("select month_key, measure, amount from dash_campaign where unit_path = :path")
			.param("path", unitPath)
			.query((RowCallbackHandler) rs -> rows
				.add(Map.entry(new Key(unitPath, rs.getInt(1), rs.getString(2)), rs.getLong(3))));
		return rows;
	}

	/** A subtree moved: its rows and the items' counts take the new paths. */
	public void rewritePaths(String oldPrefix, String newPrefix, @Nullable String newParent) {
		for (String column : List.of("unit_path", "parent_path")) {
			rewrite("dash_campaign", column, oldPrefix, newPrefix);
		}
		rewrite("dash_campaign_item_count", "unit_path", oldPrefix, newPrefix);
		jdbc.sql("update dash_campaign set parent_path = :parent where unit_path = :path")
			.param("parent", newParent)
			.param("path", newPrefix)
			.update();
	}

	private void rewrite(String table, String column, String oldPrefix, String newPrefix) {
		PathRewrite.rewrite(jdbc, table, column, oldPrefix, newPrefix);
	}

}
