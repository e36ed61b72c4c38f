package org.grassroots.learning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.grassroots.learning.LearningPoint;
import org.grassroots.learning.StudyPlan;
import org.grassroots.learning.StudySession;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Database;
import org.grassroots.shared.PathRewrite;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plans, points, sessions, members and check-ins; reads for a person take their scope. */
@Repository
public class LearningRepository {

	private final JdbcClient jdbc;

	private final Database database;

	private final ChangedMembers changed;

	public LearningRepository(JdbcClient jdbc, Database database, ChangedMembers changed) {
		this.jdbc = jdbc;
		this.database = database;
		this.changed = changed;
	}

	// ---------------------------------------------------------------- members

	/** A member as the learning module keeps them. */
	public record Member(long accountId, String username, String displayName, long unitId, String unitPath, boolean active) {

	}

	/** Writes the member's copy and marks them changed (the update holds their row until the end). */
	public void saveMember(Member member) {
		int updated = jdbc.sql("""
				update learning_member set username = :username, display_name = :name, unit_id = :unitId,
				  unit_path = :path, active = :active where account_id = :id
				""")
			.param("username", member.username())
			.param("name", member.displayName())
			.param("unitId", member.unitId())
			.param("path", member.unitPath())
			.param("active", member.active())
			.param("id", member.accountId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into learning_member (account_id, username, display_name, unit_id, unit_path, active)
					values (:id, :username, :name, :unitId, :path, :active)
					""")
				.param("id", member.accountId())
				.param("username", member.username())
				.param("name", member.displayName())
				.param("unitId", member.unitId())
				.param("path", member.unitPath())
				.param("active", member.active())
				.update();
		}
		changed.mark(member.accountId());
	}

	public Optional<Member> member(long accountId) {
		return jdbc.sql("select * from learning_member where account_id = :id and active = true")
			.param("id", accountId)
			.query((rs, n) -> new Member(rs.getLong("account_id"), rs.getString("username"), rs.getString("display_name"),
					rs.getLong("unit_id"), rs.getString("unit_path"), rs.getBoolean("active")))
			.optional();
	}

	/** Active members of a subtree by name, at most {@code limit}. */
	public List<Member> membersIn(String prefix, int limit) {
		return jdbc.sql("select * from learning_member where active = true and unit_path like :prefix order by display_name")
			.param("prefix", prefix + "%")
			.withMaxRows(limit)
			.query((rs, n) -> new Member(rs.getLong("account_id"), rs.getString("username"), rs.getString("display_name"),
					rs.getLong("unit_id"), rs.getString("unit_path"), rs.getBoolean("active")))
			.list();
	}

	public void rewritePaths(String oldPrefix, String newPrefix) {
		for (String table : List.of("learning_member", "study_plan", "learning_point")) {
			PathRewrite.rewrite(jdbc, table, "unit_path", oldPrefix, newPrefix);
		}
		PathRewrite.rewrite(jdbc, "study_session", "host_unit_path", oldPrefix, newPrefix);
	}

	// ---------------------------------------------------------------- plans

	public long insertPlan(String title, @Nullable String materials, @Nullable String links, long unitId, String unitPath,
			LocalDate start, LocalDate end, int required, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into study_plan (title, materials, links, unit_id, unit_path, period_start, period_end,
				  required_count, created_by, created_at)
				values (:title, :materials, :links, :unitId, :path, :start, :end, :required, :by, :at)
				""")
			.param("title", title)
			.param("materials", materials)
			.param("links", links)
			.param("unitId", unitId)
			.param("path", unitPath)
			.param("start", start)
			.param("end", end)
			.param("required", required)
			.param("by", by)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Plans whose target lies in scope, or whose target holds the given unit (a member's own plans). */
	public List<StudyPlan> plans(DataScope scope, @Nullable String memberUnitPath) {
		SqlCondition inScope = scope.on("p.unit_path");
		String sql = "select * from study_plan p where " + inScope.sql()
				+ (memberUnitPath == null ? "" : " or :member like p.unit_path || '%'") + " order by p.period_start desc, p.id desc";
		var spec = jdbc.sql(sql).params(inScope.params());
		if (memberUnitPath != null) {
			spec = spec.param("member", memberUnitPath);
		}
		return spec.query(LearningRepository::plan).list();
	}

	public List<StudyPlan> plans(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from study_plan where id in (:ids) order by id").param("ids", ids)
			.query(LearningRepository::plan).list();
	}

	public Optional<StudyPlan> plan(long id) {
		return jdbc.sql("select * from study_plan where id = :id").param("id", id).query(LearningRepository::plan).optional();
	}

	static StudyPlan plan(ResultSet rs, int row) throws SQLException {
		return new StudyPlan(rs.getLong("id"), rs.getString("title"), rs.getString("materials"), rs.getString("links"),
				rs.getLong("unit_id"), rs.getString("unit_path"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getInt("required_count"), rs.getString("created_by"),
				instant(rs, "created_at"), rs.getInt("version"));
	}

	// ---------------------------------------------------------------- points

	public long insertPoint(String name, String kind, long unitId, String unitPath, @Nullable String address,
			@Nullable String hours, @Nullable String materials, boolean restricted, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_point (name, kind, unit_id, unit_path, address, opening_hours, materials, restricted,
				  created_by, created_at)
				values (:name, :kind, :unitId, :path, :address, :hours, :materials, :restricted, :by, :at)
				""")
			.param("name", name)
			.param("kind", kind)
			.param("unitId", unitId)
			.param("path", unitPath)
			.param("address", address)
			.param("hours", hours)
			.param("materials", materials)
			.param("restricted", restricted)
			.param("by", by)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public List<LearningPoint> points(DataScope scope) {
		SqlCondition inScope = scope.on("unit_path");
		return jdbc.sql("select * from learning_point where " + inScope.sql() + " order by unit_path, id")
			.params(inScope.params())
			.query(LearningRepository::point)
			.list();
	}

	/** Points of a district within a scope. */
	public List<LearningPoint> pointsIn(String districtPath, DataScope scope) {
		SqlCondition inScope = scope.on("unit_path");
		return jdbc.sql("select * from learning_point where unit_path like :prefix and " + inScope.sql() + " order by id")
			.param("prefix", districtPath + "%")
			.params(inScope.params())
			.query(LearningRepository::point)
			.list();
	}

	public Optional<LearningPoint> point(long id) {
		return jdbc.sql("select * from learning_point where id = :id").param("id", id).query(LearningRepository::point)
			.optional();
	}

	private static LearningPoint point(ResultSet rs, int row) throws SQLException {
		return new LearningPoint(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getLong("unit_id"),
				rs.getString("unit_path"), rs.getString("address"), rs.getString("opening_hours"), rs.getString("materials"),
				rs.getBoolean("restricted"), rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"));
	}

	// ---------------------------------------------------------------- sessions

	public long insertSession(@Nullable Long planId, String kind, String topic, String speaker, String place, long hostId,
			String hostPath, Instant startsAt, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into study_session (plan_id, kind, topic, speaker, place, host_unit_id, host_unit_path, starts_at,
				  created_by, created_at)
				values (:plan, :kind, :topic, :speaker, :place, :hostId, :hostPath, :starts, :by, :at)
				""")
			.param("plan", planId)
			.param("kind", kind)
			.param("topic", topic)
			.param("speaker", speaker)
			.param("place", place)
			.param("hostId", hostId)
			.param("hostPath", hostPath)
			.param("starts", Times.utc(startsAt))
			.param("by", by)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public List<StudySession> sessions(DataScope scope) {
		SqlCondition inScope = scope.on("host_unit_path");
		return jdbc.sql("select * from study_session where " + inScope.sql() + " order by starts_at desc, id desc")
			.params(inScope.params())
			.query(LearningRepository::session)
			.list();
	}

	public Optional<StudySession> session(long id) {
		return jdbc.sql("select * from study_session where id = :id").param("id", id).query(LearningRepository::session)
			.optional();
	}

	private static StudySession session(ResultSet rs, int row) throws SQLException {
		long plan = rs.getLong("plan_id");
		return new StudySession(rs.getLong("id"), rs.wasNull() ? null : plan, rs.getString("kind"), rs.getString("topic"),
				rs.getString("speaker"), rs.getString("place"), rs.getLong("host_unit_id"), rs.getString("host_unit_path"),
				instant(rs, "starts_at"), rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"));
	}

	/** Whether the member's attendance at the session is recorded already. */
	public boolean attended(long accountId, long sessionId) {
		return jdbc.sql("select count(*) from check_in where account_id = :account and session_id = :session")
			.param("account", accountId)
			.param("session", sessionId)
			.query(Integer.class)
			.single() > 0;
	}

	public int attendance(long sessionId) {
		return jdbc.sql("select count(*) from check_in where session_id = :id").param("id", sessionId).query(Integer.class)
			.single();
	}

	// ---------------------------------------------------------------- check-ins

	/**
	 * Inserts a check-in and marks its member changed; the unique constraints make a second one for
	 * the same point and day fail. The caller holds the member's lock.
	 */
	public void insertCheckIn(long accountId, String unitPath, @Nullable Long pointId, @Nullable Long sessionId,
			LocalDate day, Instant at, String method) {
		jdbc.sql("""
				insert into check_in (account_id, unit_path, point_id, session_id, check_day, at, method)
				values (:account, :path, :point, :session, :day, :at, :method)
				""")
			.param("account", accountId)
			.param("path", unitPath)
			.param("point", pointId)
			.param("session", sessionId)
			.param("day", day)
			.param("at", Times.utc(at))
			.param("method", method)
			.update();
		changed.mark(accountId);
	}

	/**
	 * Reads an active member and holds their row until the transaction ends: one statement. On
	 * PostgreSQL the lock is taken by bumping {@code scans}, as every writer of check-ins does there
	 * ({@link PointScans}).
	 */
	public Optional<Member> lockedMember(long accountId) {
		return jdbc.sql(database.postgres()
				? "update learning_member set scans = scans + 1 where account_id = :id and active = true returning *"
				: "select * from learning_member where account_id = :id and active = true for update")
			.param("id", accountId)
			.query((rs, n) -> new Member(rs.getLong("account_id"), rs.getString("username"), rs.getString("display_name"),
					rs.getLong("unit_id"), rs.getString("unit_path"), rs.getBoolean("active")))
			.optional();
	}

	/** A member scanning a point, with what the scan needs of the point (null when there is no such point). */
	public record AtPoint(Member member, @Nullable String pointName, @Nullable String pointPath, boolean restricted) {

	}

	/**
	 * Reads an active member and holds their row, with the point's name, path and restriction, in
	 * one statement: the point is read by subqueries, so its row is not locked and scans at one
	 * point do not wait for each other. H2's way; PostgreSQL does the whole scan in one ({@link PointScans}).
	 */
	public Optional<AtPoint> lockedMemberAt(long accountId, long pointId) {
		return jdbc.sql("""
				select m.*, (select name from learning_point where id = :point) as point_name,
				       (select unit_path from learning_point where id = :point) as point_path,
				       (select restricted from learning_point where id = :point) as point_restricted
				from learning_member m where m.account_id = :id and m.active = true for update
				""")
			.param("id", accountId)
			.param("point", pointId)
			.query((rs, n) -> new AtPoint(new Member(rs.getLong("account_id"), rs.getString("username"),
					rs.getString("display_name"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getBoolean("active")),
					rs.getString("point_name"), rs.getString("point_path"), rs.getBoolean("point_restricted")))
			.optional();
	}

	/** How far a member is on a plan, before the check-in at hand. */
	public record PlanCount(StudyPlan plan, int done) {

	}

	/** Whether the check-in at hand is there already, and the member's counts on the plans running that day. */
	public record Standing(boolean already, List<PlanCount> plans) {

	}

	/**
	 * What a check-in needs to know once the member's row is locked, in one statement: whether this
	 * point (that day) or this session is checked in already, and the member's count on each plan
	 * of their unit running that day. The lock makes both exact: every writer of check-ins holds it.
	 */
	public Standing standing(long accountId, String unitPath, @Nullable Long pointId, @Nullable Long sessionId,
			LocalDate day) {
		boolean[] already = { false };
		List<PlanCount> plans = jdbc.sql("""
				select a.already, p.*,
				       (select count(*) from check_in c where c.account_id = :account
				        and c.check_day between p.period_start and p.period_end) as done
				from (select count(*) as already from check_in
				      where account_id = :account and ((point_id = :point and check_day = :day) or session_id = :session)) a
				left join study_plan p on :path like p.unit_path || '%' and :day between p.period_start and p.period_end
				order by p.period_start desc, p.id desc
				""")
			.param("account", accountId)
			.param("point", pointId, java.sql.Types.BIGINT)
			.param("session", sessionId, java.sql.Types.BIGINT)
			.param("day", day)
			.param("path", unitPath)
			.query((rs, n) -> {
				already[0] = rs.getInt("already") > 0;
				rs.getLong("id");
				return rs.wasNull() ? null : new PlanCount(plan(rs, n), rs.getInt("done"));
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		return new Standing(already[0], plans);
	}

	/** Holds the member's row until the transaction ends (bumping {@code scans} on PostgreSQL, as {@link #lockedMember}). */
	public void lockMember(long accountId) {
		jdbc.sql(database.postgres()
				? "update learning_member set scans = scans + 1 where account_id = :id returning account_id"
				: "select account_id from learning_member where account_id = :id for update")
			.param("id", accountId)
			.query(Long.class)
			.optional();
	}

	public int countDone(long accountId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from check_in where account_id = :id and check_day between :from and :to")
			.param("id", accountId)
			.param("from", from)
			.param("to", to)
			.query(Integer.class)
			.single();
	}

	/** Members and those who met the requirement, per unit path, within a subtree. */
	public record PathCount(String unitPath, int members, int met) {

	}

	/** Members of a subtree below the requirement, with how much they did. */
	public record Behind(long accountId, String displayName, String unitPath, int done) {

	}

	/** Members of one unit (not below it) under the requirement, by name. */
	public List<Behind> behindAt(String unitPath, LocalDate from, LocalDate to, int required, int limit) {
		return jdbc.sql("""
				select account_id, display_name, unit_path, done from (
				  select m.account_id, m.display_name, m.unit_path,
				         (select count(*) from check_in c where c.account_id = m.account_id
				          and c.check_day between :from and :to) as done
				  from learning_member m
				  where m.active = true and m.unit_path = :path) counted
				where done < :required
				order by display_name
				""")
			.param("required", required)
			.param("from", from)
			.param("to", to)
			.param("path", unitPath)
			.withMaxRows(limit)
			.query((rs, n) -> new Behind(rs.getLong("account_id"), rs.getString("display_name"), rs.getString("unit_path"),
					rs.getInt("done")))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
