package org.grassroots.learning.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.grassroots.learning.MemberFact;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@link MemberFact}: the plans covering a member's unit now, with the member's activities
 * in each period wherever done (the rule of coverage), and the member's activities per month.
 */
@Repository
public class MemberFactQueries {

	private static final String PLANS = """
			select p.id, p.period_start, p.period_end,
			       (select count(*) from check_in c where c.account_id = :id
			        and c.check_day between p.period_start and p.period_end) >= p.required_count met
			from study_plan p
			where cast(:path as varchar(1000)) like p.unit_path || '%'
			order by p.id
			""";

	private final JdbcClient jdbc;

	MemberFactQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MemberFact> find(long accountId) {
		return jdbc.sql("select account_id, unit_path, active from learning_member where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new Member(rs.getLong("account_id"), rs.getString("unit_path"), rs.getBoolean("active")))
			.optional()
			.map(this::fact);
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
	 * no query per member. The same rules as {@link #find}.
	 */
	public void forEach(Consumer<MemberFact> sink) {
		PlanIndex plans = new PlanIndex(jdbc.sql("select id, unit_path, period_start, period_end, required_count from study_plan")
			.query((rs, n) -> new PlanIndex.Plan(rs.getLong("id"), rs.getString("unit_path"),
					rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
					rs.getInt("required_count")))
			.list());
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

	private MemberFact fact(Member member) {
		if (!member.active()) {
			return new MemberFact(member.accountId(), null, List.of(), List.of());
		}
		List<MemberFact.Standing> plans = jdbc.sql(PLANS)
			.param("id", member.accountId())
			.param("path", member.unitPath())
			.query((rs, n) -> new MemberFact.Standing(rs.getLong("id"), rs.getObject("period_start", LocalDate.class),
					rs.getObject("period_end", LocalDate.class), rs.getBoolean("met")))
			.list();
		Map<YearMonth, Integer> months = new TreeMap<>();
		jdbc.sql("select check_day from check_in where account_id = :id")
			.param("id", member.accountId())
			.query((rs, n) -> rs.getObject("check_day", LocalDate.class))
			.list()
			.forEach(day -> months.merge(YearMonth.from(day), 1, Integer::sum));
		return new MemberFact(member.accountId(), member.unitPath(), plans,
				months.entrySet().stream().map(e -> new MemberFact.MonthCount(e.getKey(), e.getValue())).toList());
	}

	private record Member(long accountId, @Nullable String unitPath, boolean active) {

	}

}
