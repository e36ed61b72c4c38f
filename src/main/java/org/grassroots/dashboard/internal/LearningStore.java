package org.grassroots.dashboard.internal;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.learning.MemberFact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's learning tables: each member's last fact, plan periods, and the rolled-up rows. */
@Repository
public class LearningStore {

	private static final long PLAN_PERIOD_KEPT = Duration.ofMinutes(1).toNanos();

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	/**
	 * The plan periods this node last wrote or found written, by plan id, with when: a write that
	 * rolled back is asked again after a minute.
	 */
	private final Map<Long, PlanPeriod> written = new ConcurrentHashMap<>();

	LearningStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Locks the members' rows in account order, each created empty when there is none, and answers
	 * the facts last applied, by account. Nearly every member has a row: one locking read, and the
	 * inserts only for new members.
	 */
	public Map<Long, LearningFact> lockAll(Collection<Long> accountIds) {
		List<Long> ids = accountIds.stream().sorted().distinct().toList();
		Map<Long, LearningFact> locked = locked(ids);
		List<Long> missing = ids.stream().filter(id -> !locked.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			batch("insert into dash_learning_member (account_id, unit_path, plans, months) values (?, '', '', '')"
					+ " on conflict do nothing", missing.stream().map(id -> new Object[] { id }).toList());
			locked.putAll(locked(missing));
		}
		return locked;
	}

	private Map<Long, LearningFact> locked(List<Long> ids) {
		Map<Long, LearningFact> facts = new HashMap<>();
		jdbc.sql("select * from dash_learning_member where account_id in (:ids) order by account_id for update")
			.param("ids", ids)
			.query((rs, n) -> LearningFact.parse(rs.getLong("account_id"), rs.getString("unit_path"), rs.getString("plans"),
					rs.getString("months")))
			.list()
			.forEach(fact -> facts.put(fact.accountId(), fact));
		return facts;
	}

	/** Writes the facts over their locked rows (updates, as FactStore explains), in one batch. */
	public void replaceAll(List<LearningFact> facts) {
		batch("update dash_learning_member set unit_path = ?, plans = ?, months = ? where account_id = ?",
				facts.stream().map(fact -> new Object[] { fact.unitPath(), fact.plansText(), fact.monthsText(), fact.accountId() })
					.toList());
	}

	/** Writes members' facts into the emptied table, as the rebuild does. */
	public void insertAll(List<LearningFact> facts) {
		batch("insert into dash_learning_member (account_id, unit_path, plans, months) values (?, ?, ?, ?)",
				facts.stream().map(fact -> new Object[] { fact.accountId(), fact.unitPath(), fact.plansText(), fact.monthsText() })
					.toList());
	}

	/** Writes the rebuild's sums into the emptied rolled-up tables. */
	public void insertSums(LearningDelta sums) {
		sums.compact();
		batch("insert into dash_learning_cover (unit_path, plan_id, members, met) values (?, ?, ?, ?)",
				sums.cover.entrySet().stream()
					.map(row -> new Object[] { row.getKey().unitPath(), row.getKey().planId(), row.getValue()[0], row.getValue()[1] })
					.toList());
		batch("insert into dash_learning_month (unit_path, month_key, check_ins) values (?, ?, ?)",
				sums.months.entrySet().stream()
					.map(row -> new Object[] { row.getKey().unitPath(), row.getKey().month(), row.getValue()[0] })
					.toList());
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 500) {
			jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 500)));
		}
	}

	/**
	 * Writes the plans' periods that changed. Every check-in passes here with its member's plans, so a
	 * period this node wrote or found in the last minute is not asked again; after a minute it is, in
	 * case another node's rebuild emptied the table meanwhile.
	 */
	public void plans(Collection<MemberFact.Standing> plans) {
		long now = System.nanoTime();
		for (MemberFact.Standing plan : plans) {
			int first = Fact.key(YearMonth.from(plan.periodStart()));
			int last = Fact.key(YearMonth.from(plan.periodEnd()));
			PlanPeriod period = new PlanPeriod(first, last, now);
			PlanPeriod known = written.get(plan.planId());
			if (known != null && known.first == first && known.last == last && now - known.at < PLAN_PERIOD_KEPT) {
				continue;
			}
			// only a changed period is written: an unchanged row must neither be locked nor get a new
			// version (the rebuild wrote one plan's row per member)
			int updated = jdbc.sql("update dash_learning_plan set first_month = :first, last_month = :last"
					+ " where plan_id = :id and (first_month <> :first or last_month <> :last)")
				.param("first", first).param("last", last).param("id", plan.planId()).update();
			if (updated == 0) {
				jdbc.sql("insert into dash_learning_plan (plan_id, first_month, last_month) values (:id, :first, :last)"
						+ " on conflict do nothing").param("first", first).param("last", last).param("id", plan.planId()).update();
			}
			written.put(plan.planId(), period);
		}
	}

	private record PlanPeriod(int first, int last, long at) {
	}

	public void apply(LearningDelta delta) {
		delta.compact();
		for (Map.Entry<LearningDelta.CoverKey, long[]> row : delta.cover.entrySet()) {
			String update = "update dash_learning_cover set members = members + :members, met = met + :met"
					+ " where unit_path = :path and plan_id = :plan";
			if (coverParams(jdbc.sql(update), row).update() == 0) {
				jdbc.sql("insert into dash_learning_cover (unit_path, plan_id) values (:path, :plan) on conflict do nothing")
					.param("path", row.getKey().unitPath()).param("plan", row.getKey().planId()).update();
				coverParams(jdbc.sql(update), row).update();
			}
		}
		for (Map.Entry<LearningDelta.MonthKey, long[]> row : delta.months.entrySet()) {
			String update = "update dash_learning_month set check_ins = check_ins + :count where unit_path = :path and month_key = :month";
			if (monthParams(jdbc.sql(update), row).update() == 0) {
				jdbc.sql("insert into dash_learning_month (unit_path, month_key) values (:path, :month) on conflict do nothing")
					.param("path", row.getKey().unitPath()).param("month", row.getKey().month()).update();
				monthParams(jdbc.sql(update), row).update();
			}
		}
	}

	private static JdbcClient.StatementSpec coverParams(JdbcClient.StatementSpec spec,
			Map.Entry<LearningDelta.CoverKey, long[]> row) {
		return spec.param("members", row.getValue()[0]).param("met", row.getValue()[1])
			.param("path", row.getKey().unitPath()).param("plan", row.getKey().planId());
	}

	private static JdbcClient.StatementSpec monthParams(JdbcClient.StatementSpec spec,
			Map.Entry<LearningDelta.MonthKey, long[]> row) {
		return spec.param("count", row.getValue()[0]).param("path", row.getKey().unitPath())
			.param("month", row.getKey().month());
	}

	public void deleteAll() {
		jdbc.sql("delete from dash_learning_cover").update();
		jdbc.sql("delete from dash_learning_month").update();
		jdbc.sql("delete from dash_learning_member").update();
		jdbc.sql("delete from dash_learning_plan").update();
		written.clear();
	}

	/**
	 * Members and met over the plans running in the month, activities in the month, and the number
	 * of running plans covering anyone, of a unit's subtree.
	 */
	public long[] figures(String unitPath, int month) {
		return figures(List.of(unitPath), month).get(unitPath);
	}

	/**
	 * {@link #figures(String, int)} of several units at once (a ranking's children): two queries
	 * whatever their number, each a set of primary-key ranges. Every path asked for is in the answer.
	 */
	public Map<String, long[]> figures(Collection<String> unitPaths, int month) {
		Map<String, long[]> figures = new HashMap<>();
		unitPaths.forEach(path -> figures.put(path, new long[4]));
		if (unitPaths.isEmpty()) {
			return figures;
		}
		jdbc.sql("""
				select c.unit_path, coalesce(sum(c.members), 0) members, coalesce(sum(c.met), 0) met,
				  sum(case when c.members > 0 then 1 else 0 end) plans
				from dash_learning_cover c join dash_learning_plan p on p.plan_id = c.plan_id
				where c.unit_path in (:paths) and p.first_month <= :month and p.last_month >= :month
				group by c.unit_path
				""").param("paths", unitPaths).param("month", month).query((rs, n) -> {
			long[] row = figures.get(rs.getString("unit_path"));
			row[0] = rs.getLong("members");
			row[1] = rs.getLong("met");
			row[3] = rs.getLong("plans");
			return row;
		}).list();
		jdbc.sql("select unit_path, check_ins from dash_learning_month where unit_path in (:paths) and month_key = :month")
			.param("paths", unitPaths).param("month", month)
			.query((rs, n) -> figures.get(rs.getString("unit_path"))[2] = rs.getLong("check_ins"))
			.list();
		return figures;
	}

	/**
	 * The plans running in the month that cover members of a unit's subtree, each with its members
	 * and met there (plan id, members, met), most members first: what the unit's coverage adds up.
	 */
	public List<long[]> runningPlans(String unitPath, int month) {
		return jdbc.sql("""
				select c.plan_id, c.members, c.met
				from dash_learning_cover c join dash_learning_plan p on p.plan_id = c.plan_id
				where c.unit_path = :path and p.first_month <= :month and p.last_month >= :month and c.members > 0
				order by c.members desc, c.plan_id
				""").param("path", unitPath).param("month", month)
			.query((rs, n) -> new long[] { rs.getLong("plan_id"), rs.getLong("members"), rs.getLong("met") })
			.list();
	}

	/** Every non-zero row, for comparing a rebuild with the incremental tables. */
	public List<String> snapshot(String pathPrefix) {
		List<String> rows = new java.util.ArrayList<>(jdbc.sql("select unit_path, plan_id, members, met from dash_learning_cover"
				+ " where unit_path like :p and (members <> 0 or met <> 0) order by unit_path, plan_id")
			.param("p", pathPrefix + "%")
			.query((rs, n) -> "cover " + rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
			.list());
		rows.addAll(jdbc.sql("select unit_path, month_key, check_ins from dash_learning_month"
				+ " where unit_path like :p and check_ins <> 0 order by unit_path, month_key")
			.param("p", pathPrefix + "%")
			.query((rs, n) -> "month " + rs.getString(1) + " " + rs.getInt(2) + " " + rs.getLong(3))
			.list());
		return rows;
	}

}
