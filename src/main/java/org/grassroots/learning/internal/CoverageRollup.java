package org.grassroots.learning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.grassroots.learning.StudyPlan;
import org.grassroots.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code plan_coverage}, each plan's members and members who met it per unit path, in the
 * transaction of every change that moves it: a check-in that reaches a plan's requirement, a
 * member joining, leaving or moving, a new plan, a unit moved. The member's row lock (taken by
 * the check-in) makes the "reached it just now" test safe against their own parallel scans.
 */
@Component
public class CoverageRollup {

	private final JdbcClient jdbc;

	private final LearningRepository learning;

	CoverageRollup(JdbcClient jdbc, LearningRepository learning) {
		this.jdbc = jdbc;
		this.learning = learning;
	}

	/** How far a member is on a plan. */
	public record Done(StudyPlan plan, int done) {

	}

	/**
	 * Counts the plans running on the day whose requirement this check-in reached, and answers the
	 * member's progress on every plan running that day.
	 */
	public List<Done> checkedIn(long accountId, String unitPath, LocalDate day) {
		List<Done> progress = new ArrayList<>();
		for (StudyPlan plan : learning.plans(DataScope.NONE, unitPath)) {
			if (plan.runsOn(day)) {
				int done = done(accountId, plan);
				if (done == plan.requiredCount()) {
					adjust(plan.id(), unitPath, 0, 1);
				}
				progress.add(new Done(plan, done));
			}
		}
		return progress;
	}

	/**
	 * A scan added one check-in to the counts read before it ({@link LearningRepository#standing}):
	 * counts the plans whose requirement it reached (a statement only then) and answers the progress.
	 */
	public List<Done> added(String unitPath, List<LearningRepository.PlanCount> before) {
		List<Done> progress = new ArrayList<>();
		for (LearningRepository.PlanCount count : before) {
			int done = count.done() + 1;
			if (done == count.plan().requiredCount()) {
				adjust(count.plan().id(), unitPath, 0, 1);
			}
			progress.add(new Done(count.plan(), done));
		}
		return progress;
	}

	/** A member joined (or came back) at their unit. */
	void joined(LearningRepository.Member member) {
		shift(member, 1);
	}

	/** A member left (disabled, no longer a party member, or moved away from) their unit. */
	void left(LearningRepository.Member member) {
		shift(member, -1);
	}

	private void shift(LearningRepository.Member member, int sign) {
		for (StudyPlan plan : learning.plans(DataScope.NONE, member.unitPath())) {
			int met = done(member.accountId(), plan) >= plan.requiredCount() ? 1 : 0;
			adjust(plan.id(), member.unitPath(), sign, sign * met);
		}
	}

	/** Counts a plan from scratch: when it is made, and after its units moved. */
	public void rebuild(long planId) {
		jdbc.sql("delete from plan_coverage where plan_id = :plan").param("plan", planId).update();
		jdbc.sql("""
				insert into plan_coverage (plan_id, unit_path, members, met)
				select p.id, m.unit_path, count(*),
				       sum(case when (select count(*) from check_in c where c.account_id = m.account_id
				                      and c.check_day between p.period_start and p.period_end) >= p.required_count
				           then 1 else 0 end)
				from study_plan p
				join learning_member m on m.active = true and m.unit_path like p.unit_path || '%'
				where p.id = :plan
				group by p.id, m.unit_path
				""")
			.param("plan", planId)
			.update();
	}

	/** After a subtree moved: every plan that held it before or holds it now is counted again. */
	void unitMoved(String oldPath, String newPath) {
		Set<Long> plans = new LinkedHashSet<>();
		jdbc.sql("select id from study_plan where :old like unit_path || '%' or :new like unit_path || '%' "
				+ "or unit_path like :new || '%'")
			.param("old", oldPath)
			.param("new", newPath)
			.query(Long.class)
			.list()
			.forEach(plans::add);
		plans.forEach(this::rebuild);
	}

	/** One plan's rows within a subtree. */
	public List<LearningRepository.PathCount> read(long planId, String prefix) {
		return jdbc.sql("""
				select unit_path, members, met from plan_coverage
				where plan_id = :plan and unit_path like :prefix and members > 0
				""")
			.param("plan", planId)
			.param("prefix", prefix + "%")
			.query((rs, n) -> new LearningRepository.PathCount(rs.getString("unit_path"), rs.getInt("members"),
					rs.getInt("met")))
			.list();
	}

	/**
	 * Members below the plan's requirement, unit by unit in path order, at most {@code limit}:
	 * only units whose kept coverage shows someone behind are read, and reading stops at the
	 * limit, so the city's list does not count two million members' check-ins.
	 */
	public List<LearningRepository.Behind> behind(StudyPlan plan, String prefix, int limit) {
		List<String> units = jdbc.sql("""
				select unit_path from plan_coverage
				where plan_id = :plan and unit_path like :prefix and met < members
				order by unit_path
				""")
			.param("plan", plan.id())
			.param("prefix", prefix + "%")
			.query(String.class)
			.list();
		List<LearningRepository.Behind> behind = new ArrayList<>();
		for (String unitPath : units) {
			if (behind.size() >= limit) {
				break;
			}
			behind.addAll(learning.behindAt(unitPath, plan.periodStart(), plan.periodEnd(), plan.requiredCount(),
					limit - behind.size()));
		}
		return behind;
	}

	private int done(long accountId, StudyPlan plan) {
		return learning.countDone(accountId, plan.periodStart(), plan.periodEnd());
	}

	/** Adds to a unit's row, making it first when this is the unit's first member for the plan. */
	private void adjust(long planId, String unitPath, int members, int met) {
		if (update(planId, unitPath, members, met) == 0) {
			jdbc.sql("insert into plan_coverage (plan_id, unit_path, members, met) values (:plan, :path, 0, 0) "
					+ "on conflict do nothing")
				.param("plan", planId)
				.param("path", unitPath)
				.update();
			update(planId, unitPath, members, met);
		}
	}

	private int update(long planId, String unitPath, int members, int met) {
		return jdbc.sql("update plan_coverage set members = members + :members, met = met + :met "
				+ "where plan_id = :plan and unit_path = :path")
			.param("members", members)
			.param("met", met)
			.param("plan", planId)
			.param("path", unitPath)
			.update();
	}

}
