package org.grassroots.learning.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.learning.MemberFact;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@link MemberFact}: the plans covering a member's unit now, with the member's activities
 * in each period wherever done (the rule of coverage), and the member's activities per month.
 */
@Repository
public class MemberFactQueries {

	private static final String SELECT_PLANS = "select id, unit_path, period_start, period_end, required_count from study_plan";

	private static final RowMapper<PlanIndex.Plan> PLAN = (rs, n) -> new PlanIndex.Plan(rs.getLong("id"),
			rs.getString("unit_path"), rs.getObject("period_start", LocalDate.class),
			rs.getObject("period_end", LocalDate.class), rs.getInt("required_count"));

	private final JdbcClient jdbc;

	MemberFactQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The facts of the members asked for, by account; an account learning has never known is left
	 * out. Two statements whatever their number: the members joined to their activities, and the
	 * plans of their units and the units' ancestors; the rules are {@link MemberRows}'s.
	 */
	public Map<Long, MemberFact> findAll(Collection<Long> accountIds) {
		Map<Long, MemberFact> found = new HashMap<>();
		if (accountIds.isEmpty()) {
			return found;
		}
		List<MemberDay> rows = jdbc.sql("""
				select m.account_id, m.unit_path, m.active, c.check_day
				from learning_member m left join check_in c on c.account_id = m.account_id
				where m.account_id in (:ids)
				order by m.account_id
				""").param("ids", accountIds)
			.query((rs, n) -> new MemberDay(rs.getLong("account_id"), rs.getString("unit_path"), rs.getBoolean("active"),
					rs.getObject("check_day", LocalDate.class)))
			.list();
		Set<String> units = new HashSet<>();
		rows.stream().filter(row -> row.active() && row.unitPath() != null)
			.forEach(row -> units.addAll(PlanIndex.unitAndAncestors(row.unitPath())));
		MemberRows members = new MemberRows(new PlanIndex(plansOf(units)), fact -> found.put(fact.accountId(), fact));
		rows.forEach(row -> members.add(row.accountId(), row.unitPath(), row.active(), row.checkDay()));
		members.finish();
		return found;
	}

	private List<PlanIndex.Plan> plansOf(Set<String> unitPaths) {
		if (unitPaths.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT_PLANS + " where unit_path in (:paths)").param("paths", unitPaths).query(PLAN).list();
	}

	public List<Long> accountsUnder(String unitPath) {
		return jdbc.sql("select account_id from learning_member where unit_path like :prefix order by account_id")
			.param("prefix", unitPath + "%")
			.query(Long.class)
			.list();
	}

	/**
	 * Every member's facts from one pass over members joined to their check-ins in account order
	 * (two million members, twenty million check-ins at full scale), with the plans held in memory:
	 * no query per member. The same rules as {@link #findAll}.
	 */
	public void forEach(Consumer<MemberFact> sink) {
		PlanIndex plans = new PlanIndex(jdbc.sql(SELECT_PLANS).query(PLAN).list());
		MemberRows rows = new MemberRows(plans, sink);
		jdbc.sql("""
				select m.account_id, m.unit_path, m.active, c.check_day
				from learning_member m left join check_in c on c.account_id = m.account_id
				order by m.account_id
				""").withFetchSize(1000).query(rs -> {
			rows.add(rs.getLong("account_id"), rs.getString("unit_path"), rs.getBoolean("active"),
					rs.getObject("check_day", LocalDate.class));
		});
		rows.finish();
	}

	private record MemberDay(long accountId, @Nullable String unitPath, boolean active, @Nullable LocalDate checkDay) {

	}

}
