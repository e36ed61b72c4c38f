package org.grassroots.problems.internal;

import java.time.Instant;
import java.util.List;

import org.grassroots.problems.Notice;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The in-app inbox: notices to a unit, read markers per person, and whether each notice still
 * asks for something. That is decided in SQL from the problem as it is now, never by loading the
 * notices and filtering them.
 */
@Repository
public class NoticeRepository {

	/** Kinds that ask the unit to act; the rest only tell it something and are done once read. */
	public static final List<String> ASKING = List.of("REPORTED", "DELEGATED", "ESCALATED", "ASSIGNED", "RETURNED",
			"REOPENED", "SUPERVISED", "OVERDUE", "SUBMITTED", "SUMMONED", "REVIEW");

	/**
	 * Whether notice {@code n} about problem {@code p} still needs doing by its unit: the newest of
	 * its kind about the problem to the unit, and the action it asks for still open to the unit.
	 * A CASE, so that a null column makes it 0 rather than unknown and "done" is its exact negation.
	 */
	private static final String PENDING = """
			(case when not exists (select 1 from notification l where l.unit_path = n.unit_path
			                       and l.problem_id = n.problem_id and l.kind = n.kind and l.id > n.id)
			  and ((n.kind = 'REPORTED' and p.state = 'REPORTED' and p.handling_unit_path = n.unit_path)
			    or (n.kind in ('DELEGATED', 'ESCALATED') and p.state = 'ACCEPTED' and p.handling_unit_path = n.unit_path)
			    or (n.kind = 'ASSIGNED' and p.state = 'ASSIGNED' and p.responsible_unit_path = n.unit_path)
			    or (n.kind in ('RETURNED', 'REOPENED') and p.state = 'RECTIFYING'
			        and coalesce(p.responsible_unit_path, p.handling_unit_path) = n.unit_path)
			    or (n.kind = 'SUPERVISED' and p.supervised = true and p.state in ('REPORTED', 'ACCEPTED', 'ASSIGNED', 'RECTIFYING')
			        and coalesce(p.responsible_unit_path, p.handling_unit_path) = n.unit_path)
			    or (n.kind = 'OVERDUE' and p.overdue = true and p.state in ('REPORTED', 'ACCEPTED', 'ASSIGNED', 'RECTIFYING')
			        and coalesce(p.responsible_unit_path, p.handling_unit_path) = n.unit_path)
			    or (n.kind = 'SUBMITTED' and p.state = 'SUBMITTED'
			        and ((p.raising_side_path = n.unit_path and p.raising_recognized_at is null)
			          or (p.responsible_side_path = n.unit_path and p.responsible_recognized_at is null)))
			    or (n.kind = 'SUMMONED' and exists (select 1 from summons s join summons_department d on d.summons_id = s.id
			        where s.problem_id = n.problem_id and d.unit_path = n.unit_path and s.closed_at is null and d.acted_at is null))
			    or (n.kind = 'REVIEW' and p.review_state = 'OPEN' and p.review_unit_path = n.unit_path)
			    or (n.kind not in (:asking) and p.state in ('REPORTED', 'ACCEPTED', 'ASSIGNED', 'RECTIFYING')
			        and coalesce(p.responsible_unit_path, p.handling_unit_path) = n.unit_path
			        and not exists (select 1 from notification_read r where r.notification_id = n.id and r.account_id = :account)))
			 then 1 else 0 end)""";

	/**
	 * The problems about which a unit may still have something to do: those it handles or
	 * rectifies while open, recognizes while submitted, was summoned about or reviews. Each part
	 * is an index range on the problem's unit column (V31), so the badge reads the unit's open
	 * work rather than its whole history of notices. A superset of what {@link #PENDING} accepts.
	 */
	private static final String CANDIDATES = """
			select c.id from problem c where c.handling_unit_path = :path
			  and c.state in ('REPORTED', 'ACCEPTED', 'ASSIGNED', 'RECTIFYING')
			union select c.id from problem c where c.responsible_unit_path = :path and c.state in ('ASSIGNED', 'RECTIFYING')
			union select c.id from problem c where c.raising_side_path = :path and c.state = 'SUBMITTED'
			union select c.id from problem c where c.responsible_side_path = :path and c.state = 'SUBMITTED'
			union select c.id from problem c where c.review_unit_path = :path and c.review_state = 'OPEN'
			union select s.problem_id from summons_department d join summons s on s.id = d.summons_id
			  where d.unit_path = :path and d.acted_at is null and s.closed_at is null""";

	private final JdbcClient jdbc;

	public NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a notice once, in one statement: a notice whose dedupe key is taken (the same notice
	 * given twice, or an old publication redelivered) adds nothing. Ledger number and title come
	 * from the problem row, which the command has already written in this transaction.
	 */
	public void insert(String unitPath, String kind, long problemId, String dedupeKey, Instant at) {
		jdbc.sql("""
				insert into notification (unit_path, kind, problem_id, ledger_no, title, dedupe_key, created_at)
				select :path, :kind, p.id, p.ledger_no, p.title, :key, :at from problem p
				where p.id = :problem and not exists (select 1 from notification d where d.dedupe_key = :key)
				""")
			.param("path", unitPath)
			.param("kind", kind)
			.param("problem", problemId)
			.param("key", dedupeKey)
			.param("at", Times.utc(at))
			.update();
	}

	/**
	 * The unit's notices newest first, each marked done or not: all of them, or only those still
	 * to do ({@code done} false) or only those done (true). None when the unit is outside the scope.
	 */
	public List<Notice> inbox(String unitPath, long accountId, DataScope scope, @Nullable Boolean done, int limit) {
		SqlCondition inScope = scope.on("n.unit_path", "ns");
		String which = done == null ? ""
				: done ? " and " + PENDING + " = 0" : " and n.problem_id in (" + CANDIDATES + ") and " + PENDING + " = 1";
		return jdbc.sql("select n.*, " + PENDING + " as pending,"
				+ " (select count(*) from notification_read r where r.notification_id = n.id and r.account_id = :account) as seen"
				+ " from notification n join problem p on p.id = n.problem_id"
				+ " where n.unit_path = :path and " + inScope.sql() + which + " order by n.id desc")
			.params(inScope.params())
			.param("path", unitPath)
			.param("account", accountId)
			.param("asking", ASKING)
			.withMaxRows(limit)
			.query((rs, row) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getLong("problem_id"),
					rs.getString("ledger_no"), rs.getString("title"), ProblemRepository.instant(rs, "created_at"),
					rs.getInt("seen") > 0, rs.getInt("pending") == 0))
			.list();
	}

	/** How many of the unit's notices still need doing: the inbox badge. */
	public int pending(String unitPath, long accountId, DataScope scope) {
		SqlCondition inScope = scope.on("n.unit_path", "ns");
		return jdbc.sql("select count(*) from notification n join problem p on p.id = n.problem_id"
				+ " where n.unit_path = :path and " + inScope.sql() + " and n.problem_id in (" + CANDIDATES + ") and "
				+ PENDING + " = 1")
			.params(inScope.params())
			.param("path", unitPath)
			.param("account", accountId)
			.param("asking", ASKING)
			.query(Integer.class)
			.single();
	}

	public int unread(String unitPath, long accountId) {
		return jdbc.sql("""
				select count(*) from notification n where n.unit_path = :path
				and not exists (select 1 from notification_read r where r.notification_id = n.id and r.account_id = :account)
				""")
			.param("path", unitPath)
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	public void markAllRead(String unitPath, long accountId, Instant at) {
		jdbc.sql("""
				insert into notification_read (notification_id, account_id, read_at)
				select n.id, :account, :at from notification n where n.unit_path = :path
				and not exists (select 1 from notification_read r where r.notification_id = n.id and r.account_id = :account)
				""")
			.param("path", unitPath)
			.param("account", accountId)
			.param("at", Times.utc(at))
			.update();
	}

}
