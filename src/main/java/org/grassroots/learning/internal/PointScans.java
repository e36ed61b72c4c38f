package org.grassroots.learning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A check-in at a point in one statement, on PostgreSQL: the member's row taken (by an update that
 * bumps {@code scans}), the point, where the member stands, and the insert when it is due, with
 * the member marked changed for the dashboard ({@link ChangedMembers}).
 * <p>
 * Why a counter: a statement's snapshot is taken before it waits for the member's lock, so its
 * reads could miss a check-in of the same member committed while it waited. Every writer of a
 * member's check-ins bumps {@code scans} when it takes the lock; the updated row carries the
 * newest value, the snapshot the older one. When they differ by one (and the unit path is the
 * same) nothing committed in between and every read is exact; otherwise nothing is inserted, and
 * the caller, holding the lock now, reads again ({@link LearningRepository#standing}).
 */
@Repository
public class PointScans {

	private static final String BEFORE_MARK = """
			with snap as (
			  select scans, unit_path from learning_member where account_id = :account
			), m as (
			  update learning_member set scans = scans + 1 where account_id = :account and active = true
			  returning account_id, username, display_name, unit_id, unit_path, active, scans
			), pt as (
			  select name, unit_path, restricted from learning_point where id = :point
			), state as (
			  select m.scans = snap.scans + 1 and m.unit_path = snap.unit_path as fresh,
			         exists (select 1 from check_in c where c.account_id = :account and c.point_id = :point
			                 and c.check_day = :day) as already,
			         not pt.restricted
			           or m.unit_path like coalesce(substring(pt.unit_path from '^/[^/]+/[^/]+/'), pt.unit_path) || '%' as allowed
			  from m, snap, pt
			), ins as (
			  insert into check_in (account_id, unit_path, point_id, session_id, check_day, at, method)
			  select m.account_id, m.unit_path, :point, null, :day, :at, 'QR' from m, state
			  where state.fresh and not state.already and state.allowed
			  returning id, account_id
			), marked as (
			""";

	private static final String AFTER_MARK = """
			)
			select m.account_id as m_account_id, m.username as m_username, m.display_name as m_display_name,
			       m.unit_id as m_unit_id, m.unit_path as m_unit_path, m.active as m_active,
			       pt.name as point_name, pt.unit_path as point_path, coalesce(pt.restricted, false) as point_restricted,
			       coalesce(state.fresh, false) as fresh, coalesce(state.already, false) as already,
			       (select count(*) from ins) as inserted, p.*,
			       (select count(*) from check_in c where c.account_id = :account
			        and c.check_day between p.period_start and p.period_end) as done
			from m left join pt on true left join state on true
			left join study_plan p on m.unit_path like p.unit_path || '%' and :day between p.period_start and p.period_end
			order by p.period_start desc, p.id desc
			""";

	private final JdbcClient jdbc;

	/** The statement, with the member marked changed when the check-in is inserted. */
	private final String scan;

	PointScans(JdbcClient jdbc, ChangedMembers changed) {
		this.jdbc = jdbc;
		this.scan = BEFORE_MARK + changed.markInserted() + AFTER_MARK;
	}

	/**
	 * What one scan found and did. {@code inserted} says the check-in is written; {@code fresh}
	 * false means the reads may be stale and nothing was written; the counts are before this
	 * check-in.
	 */
	public record Scan(LearningRepository.AtPoint at, boolean fresh, boolean already, boolean inserted,
			List<LearningRepository.PlanCount> plans) {

	}

	/** The scan, empty when the account is no active member. */
	public Optional<Scan> scan(long accountId, long pointId, LocalDate day, Instant at) {
		List<Scan> rows = new ArrayList<>();
		List<LearningRepository.PlanCount> plans = new ArrayList<>();
		jdbc.sql(scan)
			.param("account", accountId)
			.param("point", pointId)
			.param("day", day)
			.param("at", Times.utc(at))
			.query(rs -> {
				if (rows.isEmpty()) {
					LearningRepository.Member member = new LearningRepository.Member(rs.getLong("m_account_id"),
							rs.getString("m_username"), rs.getString("m_display_name"), rs.getLong("m_unit_id"),
							rs.getString("m_unit_path"), rs.getBoolean("m_active"));
					rows.add(new Scan(new LearningRepository.AtPoint(member, rs.getString("point_name"),
							rs.getString("point_path"), rs.getBoolean("point_restricted")), rs.getBoolean("fresh"),
							rs.getBoolean("already"), rs.getInt("inserted") > 0, plans));
				}
				rs.getLong("id");
				if (!rs.wasNull()) {
					plans.add(new LearningRepository.PlanCount(LearningRepository.plan(rs, 0), rs.getInt("done")));
				}
			});
		return rows.stream().findFirst();
	}

}
