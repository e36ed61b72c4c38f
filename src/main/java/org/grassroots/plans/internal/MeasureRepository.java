package org.grassroots.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.plans.LinkedProblem;
import org.grassroots.plans.MeasureLine;
import org.grassroots.plans.MeasureMilestone;
import org.grassroots.plans.MeasureStatus;
import org.grassroots.plans.PlanCommands;
import org.grassroots.plans.ProgressReport;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.problems.ProblemState;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Work measures, their milestones, progress reports, evidence and linked problems. */
@Repository
public class MeasureRepository {

	private final JdbcClient jdbc;

	public MeasureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An evidence file and where its bytes are kept. */
	public record EvidenceFile(ProgressReport.Evidence evidence, String storageKey) {

	}

	// ---------------------------------------------------------------- measures

	public long insert(long planId, String planUnitPath, PlanCommands.NewMeasure command, long ownerUnitId,
			String ownerUnitPath, String districtPath, String createdBy, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into work_measure (plan_id, plan_unit_path, title, category_code, owner_unit_id, owner_unit_path,
				  district_path, owner_person, start_date, deadline, target_amount, target_unit, progress, advance_on_close,
				  status, created_by, created_at, updated_at)
				values (:plan, :planPath, :title, :category, :unitId, :unitPath, :district, :person, :start, :deadline,
				  :amount, :unit, 0, :advance, 'PLANNED', :by, :now, :now)
				""")
			.param("plan", planId)
			.param("planPath", planUnitPath)
			.param("title", command.title().trim())
			.param("category", command.categoryCode())
			.param("unitId", ownerUnitId)
			.param("unitPath", ownerUnitPath)
			.param("district", districtPath)
			.param("person", command.ownerPerson().trim())
			.param("start", command.startDate())
			.param("deadline", command.deadline())
			.param("amount", command.targetAmount())
			.param("unit", command.targetUnit() == null || command.targetUnit().isBlank() ? null : command.targetUnit().trim())
			.param("advance", command.advanceOnClose())
			.param("by", createdBy)
			.param("now", Times.utc(now))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	public Optional<WorkMeasure> find(long id) {
		return jdbc.sql("select * from work_measure where id = :id").param("id", id).query(MeasureRepository::measure).optional();
	}

	/** A measure a person may read: its plan's owner or its own owner unit in their scope. */
	public Optional<WorkMeasure> visible(long id, DataScope scope) {
		SqlCondition where = visibility(scope);
		return jdbc.sql("select * from work_measure m where m.id = :id and " + where.sql())
			.params(where.params())
			.param("id", id)
			.query(MeasureRepository::measure)
			.optional();
	}

	/** A plan's measures that a person may read, by deadline. */
	public List<MeasureLine> ofPlan(long planId, DataScope scope) {
		SqlCondition where = visibility(scope);
		return counted("m.plan_id = :plan and " + where.sql(), with(where.params(), "plan", planId), "m.deadline, m.id");
	}

	/** Every measure on a category in the city: the benchmarking view's one exception to scope (docs/plans.md). */
	public List<MeasureLine> onCategory(String categoryCode) {
		return counted("m.category_code = :category", Map.of("category", categoryCode), "m.district_path, m.id");
	}

	/** Streams the measures of the plans a person may read, plan by plan, for the export. */
	public void export(List<Long> planIds, DataScope scope, Consumer<MeasureLine> sink) {
		if (planIds.isEmpty()) {
			return;
		}
		SqlCondition where = visibility(scope);
		counted("m.plan_id in (:plans) and " + where.sql(), with(where.params(), "plans", planIds), "m.plan_id, m.deadline, m.id")
			.forEach(sink);
	}

	/** Writes progress, status and when it was done, if the version is still the one read; one more version. */
	public boolean save(WorkMeasure measure, Instant now) {
		return jdbc.sql("""
				update work_measure set progress = :progress, status = :status, done_at = :doneAt, done_on = :doneOn,
				  updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("progress", measure.progress())
			.param("status", measure.status().name())
			.param("doneAt", measure.doneAt() == null ? null : Times.utc(measure.doneAt()))
			.param("doneOn", measure.doneOn())
			.param("now", Times.utc(now))
			.param("id", measure.id())
			.param("version", measure.version())
			.update() == 1;
	}

	/** Writes a new definition and the status it leads to, if the version is still the one read. */
	public boolean redefine(WorkMeasure measure, PlanCommands.EditMeasure edit, Instant now) {
		return jdbc.sql("""
				update work_measure set title = :title, owner_person = :person, start_date = :start, deadline = :deadline,
				  target_amount = :amount, target_unit = :unit, advance_on_close = :advance, status = :status,
				  done_at = :doneAt, done_on = :doneOn, updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("title", edit.title().trim())
			.param("person", edit.ownerPerson().trim())
			.param("start", edit.startDate())
			.param("deadline", edit.deadline())
			.param("amount", edit.targetAmount())
			.param("unit", edit.targetUnit() == null || edit.targetUnit().isBlank() ? null : edit.targetUnit().trim())
			.param("advance", edit.advanceOnClose())
			.param("status", measure.status().name())
			.param("doneAt", measure.doneAt() == null ? null : Times.utc(measure.doneAt()))
			.param("doneOn", measure.doneOn())
			.param("now", Times.utc(now))
			.param("id", measure.id())
			.param("version", edit.version())
			.update() == 1;
	}

	public int reportCount(long measureId) {
		return jdbc.sql("select count(*) from measure_progress where measure_id = :measure")
			.param("measure", measureId)
			.query(Integer.class)
			.single();
	}

	/** Bumps the version only (a milestone or a link changed what the measure shows). */
	public boolean touch(long id, int version, Instant now) {
		return jdbc.sql("update work_measure set updated_at = :now, version = version + 1 where id = :id and version = :version")
			.param("now", Times.utc(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Measures not done whose deadline is before the day, at most {@code limit}. */
	public List<Long> newlyOverdue(LocalDate today, int limit) {
		return jdbc.sql("select id from work_measure where status in ('PLANNED', 'IN_PROGRESS') and deadline < :today order by id")
			.param("today", today)
			.withMaxRows(limit)
			.query(Long.class)
			.list();
	}

	public void forEach(Consumer<WorkMeasure> sink) {
		jdbc.sql("select * from work_measure").query(rs -> {
			sink.accept(measure(rs, 0));
		});
	}

	public int count() {
		return jdbc.sql("select count(*) from work_measure").query(Integer.class).single();
	}

	// ---------------------------------------------------------------- milestones

	public void insertMilestone(long measureId, String title, LocalDate dueOn) {
		jdbc.sql("insert into measure_milestone (measure_id, title, due_on) values (:measure, :title, :due)")
			.param("measure", measureId)
			.param("title", title.trim())
			.param("due", dueOn)
			.update();
	}

	public List<MeasureMilestone> milestones(long measureId) {
		return jdbc.sql("select * from measure_milestone where measure_id = :measure order by due_on, id")
			.param("measure", measureId)
			.query((rs, n) -> new MeasureMilestone(rs.getLong("id"), rs.getLong("measure_id"), rs.getString("title"),
					rs.getObject("due_on", LocalDate.class), Times.instant(rs.getObject("done_at", OffsetDateTime.class)),
					rs.getString("done_by")))
			.list();
	}

	/** Marks an open milestone of the measure done; false when there is none such. */
	public boolean completeMilestone(long measureId, long milestoneId, String by, Instant now) {
		return jdbc.sql("""
				update measure_milestone set done_at = :now, done_by = :by
				where id = :id and measure_id = :measure and done_at is null
				""")
			.param("now", Times.utc(now))
			.param("by", by)
			.param("id", milestoneId)
			.param("measure", measureId)
			.update() == 1;
	}

	// ---------------------------------------------------------------- progress and evidence

	public long insertProgress(long measureId, ProgressReport.Kind kind, int achieved, int added, @Nullable String note,
			String by, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into measure_progress (measure_id, kind, achieved, added, note, reported_by, reported_at)
				values (:measure, :kind, :achieved, :added, :note, :by, :now)
				""")
			.param("measure", measureId)
			.param("kind", kind.name())
			.param("achieved", achieved)
			.param("added", added)
			.param("note", note)
			.param("by", by)
			.param("now", Times.utc(now))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	public void insertEvidence(long measureId, long progressId, String fileName, FileStore.Stored stored, String by,
			Instant now) {
		jdbc.sql("""
				insert into measure_evidence (measure_id, progress_id, file_name, content_type, sha256, storage_key,
				  size_bytes, uploaded_by, uploaded_at)
				values (:measure, :progress, :name, :type, :sha, :key, :size, :by, :now)
				""")
			.param("measure", measureId)
			.param("progress", progressId)
			.param("name", fileName)
			.param("type", stored.contentType())
			.param("sha", stored.sha256())
			.param("key", stored.storageKey())
			.param("size", stored.size())
			.param("by", by)
			.param("now", Times.utc(now))
			.update();
	}

	public int evidenceCount(long measureId) {
		return jdbc.sql("select count(*) from measure_evidence where measure_id = :measure")
			.param("measure", measureId)
			.query(Integer.class)
			.single();
	}

	public Optional<EvidenceFile> evidence(long measureId, long evidenceId) {
		return jdbc.sql("select * from measure_evidence where id = :id and measure_id = :measure")
			.param("id", evidenceId)
			.param("measure", measureId)
			.query((rs, n) -> new EvidenceFile(evidence(rs), rs.getString("storage_key")))
			.optional();
	}

	/** The measure's progress reports, newest first, each with its evidence. */
	public List<ProgressReport> reports(long measureId) {
		Map<Long, List<ProgressReport.Evidence>> files = new HashMap<>();
		jdbc.sql("select * from measure_evidence where measure_id = :measure order by id")
			.param("measure", measureId)
			.query(rs -> {
				files.computeIfAbsent(rs.getLong("progress_id"), k -> new ArrayList<>()).add(evidence(rs));
			});
		return jdbc.sql("select * from measure_progress where measure_id = :measure order by reported_at desc, id desc")
			.param("measure", measureId)
			.query((rs, n) -> new ProgressReport(rs.getLong("id"), measureId, ProgressReport.Kind.valueOf(rs.getString("kind")),
					rs.getInt("achieved"), rs.getInt("added"), rs.getString("note"), rs.getString("reported_by"),
					PlanRepository.instant(rs, "reported_at"), files.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	// ---------------------------------------------------------------- linked problems

	/** Links a problem; false when it is linked already. */
	public boolean link(long measureId, long problemId, String ledgerNo, String title, ProblemState state, String by,
			Instant now) {
		Integer there = jdbc.sql("select count(*) from measure_problem where measure_id = :measure and problem_id = :problem")
			.param("measure", measureId)
			.param("problem", problemId)
			.query(Integer.class)
			.single();
		if (there > 0) {
			return false;
		}
		jdbc.sql("""
				insert into measure_problem (measure_id, problem_id, ledger_no, title, state, counted, linked_by, linked_at)
				values (:measure, :problem, :ledger, :title, :state, false, :by, :now)
				""")
			.param("measure", measureId)
			.param("problem", problemId)
			.param("ledger", ledgerNo)
			.param("title", title)
			.param("state", state.name())
			.param("by", by)
			.param("now", Times.utc(now))
			.update();
		return true;
	}

	public Optional<LinkedProblem> linked(long measureId, long problemId) {
		return jdbc.sql("select * from measure_problem where measure_id = :measure and problem_id = :problem")
			.param("measure", measureId)
			.param("problem", problemId)
			.query(MeasureRepository::linked)
			.optional();
	}

	public boolean unlink(long measureId, long problemId) {
		return jdbc.sql("delete from measure_problem where measure_id = :measure and problem_id = :problem")
			.param("measure", measureId)
			.param("problem", problemId)
			.update() == 1;
	}

	public List<LinkedProblem> problems(long measureId) {
		return jdbc.sql("select * from measure_problem where measure_id = :measure order by linked_at, problem_id")
			.param("measure", measureId)
			.query(MeasureRepository::linked)
			.list();
	}

	/** Locks a problem's links until the caller's transaction ends. */
	public void lockLinks(long problemId) {
		jdbc.sql("select measure_id from measure_problem where problem_id = :problem for update")
			.param("problem", problemId)
			.query(Long.class)
			.list();
	}

	/** Keeps the copies of a problem's title and state current on every measure it is linked to. */
	public void problemChanged(long problemId, String title, ProblemState state) {
		jdbc.sql("update measure_problem set title = :title, state = :state where problem_id = :problem")
			.param("title", title)
			.param("state", state.name())
			.param("problem", problemId)
			.update();
	}

	/** The measures a closing of this problem should advance: linked, counting closings, not yet counted. */
	public List<Long> toAdvance(long problemId) {
		return jdbc.sql("""
				select mp.measure_id from measure_problem mp join work_measure m on m.id = mp.measure_id
				where mp.problem_id = :problem and mp.counted = false and m.advance_on_close = true order by mp.measure_id
				""")
			.param("problem", problemId)
			.query(Long.class)
			.list();
	}

	/** Marks the problem counted for the measure; false when it was counted already (a repeated event). */
	public boolean count(long measureId, long problemId) {
		return jdbc.sql("""
				update measure_problem set counted = true
				where measure_id = :measure and problem_id = :problem and counted = false
				""")
			.param("measure", measureId)
			.param("problem", problemId)
			.update() == 1;
	}

	// ---------------------------------------------------------------- plumbing

	private static SqlCondition visibility(DataScope scope) {
		SqlCondition plan = scope.on("m.plan_unit_path", "mp");
		SqlCondition owner = scope.on("m.owner_unit_path", "mo");
		Map<String, Object> params = new HashMap<>(plan.params());
		params.putAll(owner.params());
		return new SqlCondition("(" + plan.sql() + " or " + owner.sql() + ")", params);
	}

	private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
		Map<String, Object> all = new HashMap<>(params);
		all.put(name, value);
		return all;
	}

	private List<MeasureLine> counted(String where, Map<String, Object> params, String order) {
		return jdbc.sql("""
				select m.*,
				  (select count(*) from measure_problem mp where mp.measure_id = m.id and mp.state = 'CLOSED') as problems_closed,
				  (select count(*) from measure_problem mp where mp.measure_id = m.id) as problems_linked
				from work_measure m where\s""" + where + " order by " + order)
			.params(params)
			.query((rs, n) -> new MeasureLine(measure(rs, n), rs.getInt("problems_closed"), rs.getInt("problems_linked")))
			.list();
	}

	static WorkMeasure measure(ResultSet rs, int n) throws SQLException {
		Object amount = rs.getObject("target_amount");
		return new WorkMeasure(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("title"), rs.getString("category_code"),
				rs.getLong("owner_unit_id"), rs.getString("owner_unit_path"), rs.getString("district_path"),
				rs.getString("owner_person"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), amount == null ? null : ((Number) amount).intValue(),
				rs.getString("target_unit"), rs.getInt("progress"), rs.getBoolean("advance_on_close"),
				MeasureStatus.valueOf(rs.getString("status")), Times.instant(rs.getObject("done_at", OffsetDateTime.class)),
				rs.getObject("done_on", LocalDate.class), PlanRepository.instant(rs, "created_at"),
				PlanRepository.instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static ProgressReport.Evidence evidence(ResultSet rs) throws SQLException {
		return new ProgressReport.Evidence(rs.getLong("id"), rs.getLong("progress_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), PlanRepository.instant(rs, "uploaded_at"));
	}

	private static LinkedProblem linked(ResultSet rs, int n) throws SQLException {
		return new LinkedProblem(rs.getLong("measure_id"), rs.getLong("problem_id"), rs.getString("ledger_no"),
				rs.getString("title"), ProblemState.valueOf(rs.getString("state")), rs.getBoolean("counted"),
				PlanRepository.instant(rs, "linked_at"));
	}

}
