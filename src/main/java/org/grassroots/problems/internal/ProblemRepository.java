package org.grassroots.problems.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.problems.Milestone;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemType;
import org.grassroots.problems.Rating;
import org.grassroots.problems.TimelineEntry;
import org.grassroots.problems.Urgency;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.PathRewrite;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The problem table with its parties, milestones and timeline. Every read for a person puts
 * their scope in the query: a problem is visible when one of its parties lies in scope.
 */
@Repository
public class ProblemRepository {

	static final String COLUMNS = """
			p.id, p.ledger_no, p.parent_id, p.duplicate_of, p.title, p.description, p.source, p.category_code,
			p.urgency, p.problem_type, p.state, p.district_code, p.raising_unit_id, p.raising_unit_path,
			p.handling_unit_id, p.handling_unit_path, p.location_unit_id, p.responsible_unit_id,
			p.responsible_unit_path, p.responsible_person, p.assigned_by_unit_id, p.standard, p.measures,
			p.decline_reason, p.address, p.latitude, p.longitude, p.reporter_phone_cipher, p.disclose_identity,
			p.tracking_hash, p.response_due, p.first_action_at, p.deadline, p.raising_side_unit_id,
			p.raising_side_path, p.responsible_side_unit_id, p.responsible_side_path, p.raising_recognized_by,
			p.raising_recognized_at, p.responsible_recognized_by, p.responsible_recognized_at, p.overdue,
			p.supervised, p.priority, p.return_count, p.report_count, p.evaluation, p.evaluation_comment,
			p.evaluated_at, p.review_state, p.created_at, p.updated_at, p.closed_at, p.version, p.title_public
			""";

	/** Columns a transition may set; anything else is a programming error. */
	private static final Set<String> WRITABLE = Set.of("state", "handling_unit_id", "handling_unit_path",
			"responsible_unit_id", "responsible_unit_path", "responsible_person", "assigned_by_unit_id",
			"assigned_by_unit_path", "standard", "measures", "decline_reason", "first_action_at", "deadline",
			"deadline_notified", "raising_side_unit_id", "raising_side_path", "responsible_side_unit_id",
			"responsible_side_path", "raising_recognized_by", "raising_recognized_at", "responsible_recognized_by",
			"responsible_recognized_at", "overdue", "supervised", "priority", "return_count", "report_count",
			"evaluation", "evaluation_comment", "evaluated_at", "review_state", "review_unit_path", "closed_at",
			"title_public");

	/** The problem's columns that its party rows carry, for scoped lists read from the party index. */
	private static final String PARTY_COPIES = "state, category_code, overdue, priority, due";

	private static final String COPIED = "p.state, p.category_code, p.overdue, p.priority, coalesce(p.deadline, p.response_due)";

	/** Changes that move a problem in the lists' order or filters, so its party rows must follow. */
	private static final Set<String> COPIED_CHANGES = Set.of("state", "overdue", "priority", "deadline");

	/** The columns a new problem comes back with from its insert: those {@link #map} reads. */
	private static final String[] RETURNED = java.util.Arrays.stream(COLUMNS.split(","))
		.map(column -> column.trim().substring(2))
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final FieldCipher cipher;

	public ProblemRepository(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
	}

	/** The condition that some party of problem {@code p} lies in scope. */
	static SqlCondition visible(DataScope scope) {
		if (scope.all()) {
			return SqlCondition.always();
		}
		SqlCondition party = scope.on("pp.unit_path", "vis");
		return new SqlCondition("exists (select 1 from problem_party pp where pp.problem_id = p.id and " + party.sql() + ")",
				party.params());
	}

	/**
	 * Inserts a new problem in one statement and answers it as stored: the ledger number's sequence
	 * is taken inside the insert (its prefix given, the number padded to at least seven digits) and
	 * the row comes back as the insert's generated keys, so nothing is read before or after.
	 */
	public Problem insertNew(Map<String, @Nullable Object> values, String ledgerPrefix) {
		List<String> names = new ArrayList<>(values.keySet());
		names.remove("ledger_no");
		String sql = "insert into problem (ledger_no, " + String.join(", ", names) + ") values ((select ? || lpad(s.n, "
				+ "greatest(7, length(s.n)), '0') from (select cast(nextval('problem_ledger_seq') as varchar(20)) as n) s), "
				+ String.join(", ", names.stream().map(name -> "?").toList()) + ")";
		List<@Nullable Object> params = new ArrayList<>();
		params.add(ledgerPrefix);
		names.forEach(name -> params.add(values.get(name)));
		return template.execute((Connection con) -> con.prepareStatement(sql, RETURNED), (PreparedStatement ps) -> {
			for (int i = 0; i < params.size(); i++) {
				StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
			}
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return map(keys, 0);
			}
		});
	}

	public long insert(Map<String, @Nullable Object> values) {
		List<String> names = new ArrayList<>(values.keySet());
		String sql = "insert into problem (" + String.join(", ", names) + ") values ("
				+ String.join(", ", names.stream().map(name -> ":" + name).toList()) + ")";
		var keys = new GeneratedKeyHolder();
		var spec = jdbc.sql(sql);
		for (String name : names) {
			spec = spec.param(name, values.get(name));
		}
		spec.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Adds a party unless it is one already, in one statement. */
	public void addParty(long problemId, @Nullable String unitPath) {
		if (unitPath == null) {
			return;
		}
		jdbc.sql("insert into problem_party (problem_id, unit_path, " + PARTY_COPIES + ") select id, :path, " + COPIED
				+ " from problem p where p.id = :id"
				+ " and not exists (select 1 from problem_party q where q.problem_id = :id and q.unit_path = :path)")
			.param("id", problemId)
			.param("path", unitPath)
			.update();
	}

	/**
	 * The first parties of a problem just inserted, in one statement: the copies come from the
	 * problem as inserted, which is what {@link #copyToParties} would copy.
	 */
	public void addParties(Problem problem, java.util.Collection<String> unitPaths) {
		List<String> paths = unitPaths.stream().distinct().toList();
		StringBuilder sql = new StringBuilder("insert into problem_party (problem_id, unit_path, " + PARTY_COPIES + ") values ");
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		for (int i = 0; i < paths.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(:id, :path").append(i).append(", :state, :category, :overdue, :priority, :due)");
			params.put("path" + i, paths.get(i));
		}
		Instant due = problem.deadline() != null ? problem.deadline() : problem.responseDue();
		jdbc.sql(sql.toString())
			.params(params)
			.param("id", problem.id())
			.param("state", problem.state().name())
			.param("category", problem.categoryCode())
			.param("overdue", problem.overdue())
			.param("priority", problem.priority())
			.param("due", due == null ? null : Times.utc(due))
			.update();
	}

	/** Brings the party rows' copies up to date with the problem row, in the caller's transaction. */
	public void copyToParties(long problemId) {
		jdbc.sql("update problem_party set (" + PARTY_COPIES + ") = (select " + COPIED
				+ " from problem p where p.id = problem_party.problem_id) where problem_id = :id")
			.param("id", problemId)
			.update();
	}

	/**
	 * Sets the given columns if the row still has the expected version, and bumps the version.
	 *
	 * @return false when someone changed the problem first
	 */
	public boolean update(long id, int version, Map<String, @Nullable Object> changes, Instant now) {
		StringBuilder set = new StringBuilder("version = version + 1, updated_at = :updatedAt");
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		for (var change : changes.entrySet()) {
			if (!WRITABLE.contains(change.getKey())) {
				throw new IllegalArgumentException("not a writable column: " + change.getKey());
			}
			set.append(", ").append(change.getKey()).append(" = :").append(change.getKey());
			Object value = change.getValue();
			params.put(change.getKey(), value instanceof Instant at ? Times.utc(at) : value instanceof Enum<?> e ? e.name() : value);
		}
		var spec = jdbc.sql("update problem set " + set + " where id = :id and version = :version")
			.param("updatedAt", Times.utc(now))
			.param("id", id)
			.param("version", version);
		for (var param : params.entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		boolean updated = spec.update() == 1;
		if (updated && changes.keySet().stream().anyMatch(COPIED_CHANGES::contains)) {
			copyToParties(id);
		}
		return updated;
	}

	/** The record a problem was collected on, if another module's record brought it in. */
	public Optional<org.grassroots.problems.ProblemOrigin> origin(long id) {
		return jdbc.sql("select origin_kind, origin_id, origin_label from problem where id = :id and origin_kind is not null")
			.param("id", id)
			.query((rs, n) -> new org.grassroots.problems.ProblemOrigin(rs.getString("origin_kind"), rs.getLong("origin_id"),
					rs.getString("origin_label")))
			.optional();
	}

	/** The problems collected on one record, oldest first. */
	public List<Problem> byOrigin(String kind, long originId) {
		return list("select " + COLUMNS + " from problem p where p.origin_kind = :kind and p.origin_id = :origin order by p.id",
				Map.of("kind", kind, "origin", originId));
	}

	public Optional<Problem> find(long id, DataScope scope) {
		SqlCondition visible = visible(scope);
		return jdbc.sql("select " + COLUMNS + " from problem p where p.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	public Optional<Problem> findByLedgerNo(String ledgerNo, DataScope scope) {
		SqlCondition visible = visible(scope);
		return jdbc.sql("select " + COLUMNS + " from problem p where p.ledger_no = :no and " + visible.sql())
			.params(visible.params())
			.param("no", ledgerNo)
			.query(this::map)
			.optional();
	}

	/** @param hashes the hashes the tracking code may be stored under (one per algorithm suite) */
	public Optional<Problem> findByTrackingHash(List<String> hashes) {
		return jdbc.sql("select " + COLUMNS + " from problem p where p.tracking_hash in (:hashes)")
			.param("hashes", hashes)
			.query(this::map)
			.optional();
	}

	/** A report the account filed while signed in: the account's own, nobody else's (scope SELF). */
	public Optional<Problem> findReportedBy(String ledgerNo, long accountId) {
		return jdbc.sql("select " + COLUMNS + " from problem p where p.ledger_no = :no and p.reporter_account_id = :account")
			.param("no", ledgerNo)
			.param("account", accountId)
			.query(this::map)
			.optional();
	}

	/** The reports the account filed while signed in, newest first (scope SELF, on its own index). */
	public List<Problem> reportedBy(long accountId, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + " from problem p where p.reporter_account_id = :account"
				+ " order by p.created_at desc, p.id desc limit " + limit + " offset " + offset)
			.param("account", accountId)
			.query(this::map)
			.list();
	}

	public List<Problem> children(long parentId) {
		return jdbc.sql("select " + COLUMNS + " from problem p where p.parent_id = :id order by p.id")
			.param("id", parentId)
			.query(this::map)
			.list();
	}

	public int openChildren(long parentId) {
		return jdbc.sql("select count(*) from problem where parent_id = :id and state not in ('CLOSED', 'DECLINED')")
			.param("id", parentId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Open problems of a category in a community whose titles are public: the possible duplicates
	 * of a new report, and the only problems a report may be linked to.
	 */
	public List<Problem> openInCommunity(long locationUnitId, String categoryCode) {
		return jdbc.sql("select " + COLUMNS + """
				 from problem p where p.location_unit_id = :unit and p.category_code = :category and p.title_public = true
				 and p.duplicate_of is null and p.state not in ('CLOSED', 'DECLINED') order by p.created_at desc
				""")
			.param("unit", locationUnitId)
			.param("category", categoryCode)
			.query(this::map)
			.list();
	}

	/**
	 * Writes a timeline entry and answers its id. The actor's unit is kept by id, for its name in
	 * the reader's language, and by its Chinese name as it was then.
	 */
	public long insertEvent(long problemId, ProblemAction action, @Nullable ProblemState from, ProblemState to,
			String actorName, @Nullable Unit actorUnit, @Nullable String note, boolean publicNote, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into problem_event (problem_id, action, from_state, to_state, actor_name, actor_unit, actor_unit_id,
				                           note, public_note, at)
				values (:id, :action, :from, :to, :actor, :unit, :unitId, :note, :public, :at)
				""")
			.param("id", problemId)
			.param("action", action.name())
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("actor", actorName)
			.param("unit", actorUnit == null ? null : actorUnit.nameZh())
			.param("unitId", actorUnit == null ? null : actorUnit.id())
			.param("note", note)
			.param("public", publicNote)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public List<TimelineEntry> timeline(long problemId, boolean publicOnly) {
		return jdbc.sql("select * from problem_event where problem_id = :id" + (publicOnly ? " and public_note = true" : "")
				+ " order by id")
			.param("id", problemId)
			.query((rs, n) -> timelineEntry(rs))
			.list();
	}

	public void insertMilestone(long problemId, int seq, String title, Instant deadline) {
		jdbc.sql("insert into problem_milestone (problem_id, seq, title, deadline) values (:id, :seq, :title, :deadline)")
			.param("id", problemId)
			.param("seq", seq)
			.param("title", title)
			.param("deadline", Times.utc(deadline))
			.update();
	}

	public List<Milestone> milestones(long problemId) {
		return jdbc.sql("select * from problem_milestone where problem_id = :id order by seq")
			.param("id", problemId)
			.query((rs, n) -> new Milestone(rs.getLong("id"), rs.getInt("seq"), rs.getString("title"),
					instant(rs, "deadline"), nullableInstant(rs, "done_at")))
			.list();
	}

	public boolean completeMilestone(long problemId, int seq, Instant at) {
		return jdbc.sql("update problem_milestone set done_at = :at where problem_id = :id and seq = :seq and done_at is null")
			.param("at", Times.utc(at))
			.param("id", problemId)
			.param("seq", seq)
			.update() == 1;
	}

	/** One more resident reported the same problem. */
	public void bumpReportCount(long id) {
		jdbc.sql("update problem set report_count = report_count + 1 where id = :id").param("id", id).update();
	}

	/** Marks the deadline reminder sent; false when another node or run sent it first. */
	public boolean markDeadlineNotified(long id) {
		return jdbc.sql("update problem set deadline_notified = true where id = :id and deadline_notified = false")
			.param("id", id)
			.update() == 1;
	}

	/** Ids of open problems past their deadline or their first-action limit and not yet flagged. */
	public List<Long> newlyOverdue(Instant now, int limit) {
		return jdbc.sql("""
				select id from problem where overdue = false and (
				  (state in ('ASSIGNED', 'RECTIFYING') and deadline < :now)
				  or (state = 'REPORTED' and response_due < :now))
				order by id
				""").param("now", Times.utc(now)).withMaxRows(limit).query(Long.class).list();
	}

	/** Ids of problems being worked whose deadline falls before the horizon and whose holder was not told yet. */
	public List<Long> deadlineSoon(Instant now, Instant horizon, int limit) {
		return jdbc.sql("""
				select id from problem where deadline_notified = false and state in ('ASSIGNED', 'RECTIFYING')
				and deadline >= :now and deadline < :horizon order by id
				""").param("now", Times.utc(now)).param("horizon", Times.utc(horizon)).withMaxRows(limit)
			.query(Long.class).list();
	}

	/** All of a report's attribute values in one statement. */
	public void insertAttributes(long problemId, Map<String, List<String>> attributes) {
		StringBuilder sql = new StringBuilder("insert into problem_attribute (problem_id, code, seq, attr_value) values ");
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		attributes.forEach((code, values) -> {
			for (int i = 0; i < values.size(); i++) {
				int n = params.size() / 3;
				sql.append(n == 0 ? "" : ", ").append("(:id, :c").append(n).append(", :s").append(n).append(", :v").append(n).append(')');
				params.put("c" + n, code);
				params.put("s" + n, i);
				params.put("v" + n, values.get(i));
			}
		});
		if (!params.isEmpty()) {
			jdbc.sql(sql.toString()).params(params).param("id", problemId).update();
		}
	}

	/** The attributes of some problems, by problem id, values in the order given. */
	public Map<Long, Map<String, List<String>>> attributes(java.util.Collection<Long> problemIds) {
		Map<Long, Map<String, List<String>>> found = new LinkedHashMap<>();
		if (problemIds.isEmpty()) {
			return found;
		}
		jdbc.sql("select problem_id, code, attr_value from problem_attribute where problem_id in (:ids) order by problem_id, code, seq")
			.param("ids", List.copyOf(problemIds))
			.query(rs -> {
				found.computeIfAbsent(rs.getLong("problem_id"), id -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getString("code"), code -> new ArrayList<>())
					.add(rs.getString("attr_value"));
			});
		return found;
	}

	/** The latest public timeline entry of each problem. */
	public Map<Long, TimelineEntry> latestPublicEntries(java.util.Collection<Long> problemIds) {
		Map<Long, TimelineEntry> found = new LinkedHashMap<>();
		if (problemIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select e.* from problem_event e where e.problem_id in (:ids) and e.public_note = true
				and e.id = (select max(l.id) from problem_event l where l.problem_id = e.problem_id and l.public_note = true)
				""")
			.param("ids", List.copyOf(problemIds))
			.query(rs -> {
				found.put(rs.getLong("problem_id"), timelineEntry(rs));
			});
		return found;
	}

	/** A public timeline entry with its problem's ledger number, and whether that problem is a linked duplicate. */
	public record FeedEntry(String ledgerNo, boolean duplicate, TimelineEntry entry) {

	}

	/** Public timeline entries of residents' reports after a time, oldest first: the updates feed. */
	public List<FeedEntry> publicEntriesSince(Instant since, @Nullable Instant until, int limit) {
		return jdbc.sql("""
				select e.*, p.ledger_no, p.duplicate_of from problem_event e join problem p on p.id = e.problem_id
				where e.public_note = true and p.source = 'RESIDENT' and p.title_public = true and e.at > :since and e.at <= :until
				order by e.at, e.id
				""")
			.param("since", Times.utc(since))
			.param("until", Times.utc(until == null ? Instant.parse("9999-12-31T00:00:00Z") : until))
			.withMaxRows(limit)
			.query((rs, n) -> new FeedEntry(rs.getString("ledger_no"), rs.getObject("duplicate_of") != null, timelineEntry(rs)))
			.list();
	}

	private static TimelineEntry timelineEntry(ResultSet rs) throws SQLException {
		return new TimelineEntry(rs.getLong("id"), ProblemAction.valueOf(rs.getString("action")),
				rs.getString("from_state") == null ? null : ProblemState.valueOf(rs.getString("from_state")),
				ProblemState.valueOf(rs.getString("to_state")), rs.getString("actor_name"), rs.getString("actor_unit"),
				rs.getObject("actor_unit_id", Long.class),
				rs.getString("note"), rs.getBoolean("public_note"), instant(rs, "at"));
	}

	/** Rewrites every copied path below a moved unit, in the mover's transaction. */
	public void rewritePaths(String oldPrefix, String newPrefix) {
		for (String column : List.of("raising_unit_path", "handling_unit_path", "location_unit_path",
				"responsible_unit_path", "assigned_by_unit_path", "raising_side_path", "responsible_side_path",
				"review_unit_path")) {
			rewrite("problem", column, oldPrefix, newPrefix);
		}
		rewrite("problem_party", "unit_path", oldPrefix, newPrefix);
		rewrite("summons_department", "unit_path", oldPrefix, newPrefix);
		rewrite("notification", "unit_path", oldPrefix, newPrefix);
	}

	private void rewrite(String table, String column, String oldPrefix, String newPrefix) {
		PathRewrite.rewrite(jdbc, table, column, oldPrefix, newPrefix);
	}

	Problem map(ResultSet rs, int row) throws SQLException {
		String phone = rs.getString("reporter_phone_cipher");
		boolean disclose = rs.getBoolean("disclose_identity");
		String evaluation = rs.getString("evaluation");
		return new Problem(rs.getLong("id"), rs.getString("ledger_no"), nullableLong(rs, "parent_id"),
				nullableLong(rs, "duplicate_of"), rs.getString("title"), rs.getString("description"),
				ProblemSource.valueOf(rs.getString("source")), rs.getString("category_code"),
				Urgency.valueOf(rs.getString("urgency")), ProblemType.valueOf(rs.getString("problem_type")),
				ProblemState.valueOf(rs.getString("state")), rs.getString("district_code"), rs.getLong("raising_unit_id"),
				rs.getString("raising_unit_path"), rs.getLong("handling_unit_id"), rs.getString("handling_unit_path"),
				nullableLong(rs, "location_unit_id"), nullableLong(rs, "responsible_unit_id"),
				rs.getString("responsible_unit_path"), rs.getString("responsible_person"),
				nullableLong(rs, "assigned_by_unit_id"), rs.getString("standard"), rs.getString("measures"),
				rs.getString("decline_reason"), rs.getString("address"), rs.getBigDecimal("latitude"),
				rs.getBigDecimal("longitude"),
				phone != null && disclose ? FieldCipher.maskPhone(cipher.decrypt(phone)) : null,
				rs.getString("tracking_hash") != null, nullableInstant(rs, "response_due"),
				nullableInstant(rs, "first_action_at"), nullableInstant(rs, "deadline"),
				nullableLong(rs, "raising_side_unit_id"), rs.getString("raising_side_path"),
				nullableLong(rs, "responsible_side_unit_id"), rs.getString("responsible_side_path"),
				rs.getString("raising_recognized_by"), nullableInstant(rs, "raising_recognized_at"),
				rs.getString("responsible_recognized_by"), nullableInstant(rs, "responsible_recognized_at"),
				rs.getBoolean("overdue"), rs.getBoolean("supervised"), rs.getInt("priority"), rs.getInt("return_count"),
				rs.getInt("report_count"), evaluation == null ? null : Rating.valueOf(evaluation),
				rs.getString("evaluation_comment"), nullableInstant(rs, "evaluated_at"), rs.getString("review_state"),
				instant(rs, "created_at"), instant(rs, "updated_at"), nullableInstant(rs, "closed_at"),
				rs.getInt("version"), rs.getBoolean("title_public"));
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		return Times.instant(rs.getObject(column, OffsetDateTime.class));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column);
	}

	/** Streams rows to the consumer without holding them all; used by the ledger export. */
	public void stream(String sql, Map<String, Object> params, Consumer<Problem> consumer) {
		try (var rows = jdbc.sql(sql).params(params).withFetchSize(500).query(this::map).stream()) {
			rows.forEach(consumer);
		}
	}

	public List<Problem> list(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(this::map).list();
	}

	public long count(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** A statement answering two counts in one row. */
	public long[] rowsAndProblems(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

}
