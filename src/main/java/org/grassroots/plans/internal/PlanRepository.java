package org.grassroots.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.plans.ResearchPlan;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Research plans and the units they cover; reads for a person take their scope. */
@Repository
public class PlanRepository {

	private final JdbcClient jdbc;

	public PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A covered unit: its id and path. */
	public record Covered(long unitId, String unitPath) {

	}

	public long insert(String title, @Nullable String topics, List<String> categories, long ownerUnitId,
			String ownerUnitPath, LocalDate start, LocalDate end, String createdBy, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into research_plan (title, topics, category_codes, owner_unit_id, owner_unit_path, period_start,
				  period_end, created_by, created_at, updated_at)
				values (:title, :topics, :categories, :unitId, :path, :start, :end, :by, :now, :now)
				""")
			.param("title", title)
			.param("topics", topics)
			.param("categories", String.join(",", categories))
			.param("unitId", ownerUnitId)
			.param("path", ownerUnitPath)
			.param("start", start)
			.param("end", end)
			.param("by", createdBy)
			.param("now", Times.utc(now))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** Writes the new text, categories and period if the version is still the one given. */
	public boolean update(long id, String title, @Nullable String topics, List<String> categories, LocalDate start,
			LocalDate end, int version, Instant now) {
		return jdbc.sql("""
				update research_plan set title = :title, topics = :topics, category_codes = :categories,
				  period_start = :start, period_end = :end, updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("title", title)
			.param("topics", topics)
			.param("categories", String.join(",", categories))
			.param("start", start)
			.param("end", end)
			.param("now", Times.utc(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public void cover(long planId, List<Covered> units) {
		jdbc.sql("delete from research_plan_unit where plan_id = :id").param("id", planId).update();
		for (Covered unit : units) {
			jdbc.sql("insert into research_plan_unit (plan_id, unit_id, unit_path) values (:plan, :unit, :path)")
				.param("plan", planId)
				.param("unit", unit.unitId())
				.param("path", unit.unitPath())
				.update();
		}
	}

	public Optional<ResearchPlan> find(long id) {
		return jdbc.sql("select * from research_plan where id = :id")
			.param("id", id)
			.query((rs, n) -> plan(rs, covered(List.of(id)).getOrDefault(id, List.of())))
			.optional();
	}

	/**
	 * Plans a person may read: the owner unit in their scope, or a measure of it owned in their
	 * scope (a street reads the district's plan it has measures in), newest first.
	 */
	public List<ResearchPlan> visible(DataScope scope, int limit) {
		SqlCondition owner = scope.on("p.owner_unit_path", "po");
		SqlCondition measure = scope.on("m.owner_unit_path", "mo");
		Map<String, Object> params = new HashMap<>(owner.params());
		params.putAll(measure.params());
		List<ResearchPlan> bare = jdbc.sql("select p.* from research_plan p where " + owner.sql()
				+ " or exists (select 1 from work_measure m where m.plan_id = p.id and " + measure.sql() + ")"
				+ " order by p.period_start desc, p.id desc")
			.params(params)
			.withMaxRows(limit)
			.query((rs, n) -> plan(rs, List.of()))
			.list();
		Map<Long, List<Long>> covered = covered(bare.stream().map(ResearchPlan::id).toList());
		return bare.stream()
			.map(plan -> new ResearchPlan(plan.id(), plan.title(), plan.topics(), plan.categoryCodes(), plan.ownerUnitId(),
					plan.ownerUnitPath(), covered.getOrDefault(plan.id(), List.of()), plan.periodStart(), plan.periodEnd(),
					plan.createdBy(), plan.createdAt(), plan.updatedAt(), plan.version()))
			.toList();
	}

	/** Whether a person may read the plan, asked in the query as the list asks it. */
	public Optional<ResearchPlan> visible(long id, DataScope scope) {
		SqlCondition owner = scope.on("p.owner_unit_path", "po");
		SqlCondition measure = scope.on("m.owner_unit_path", "mo");
		Map<String, Object> params = new HashMap<>(owner.params());
		params.putAll(measure.params());
		params.put("id", id);
		boolean found = jdbc.sql("select count(*) from research_plan p where p.id = :id and (" + owner.sql()
				+ " or exists (select 1 from work_measure m where m.plan_id = p.id and " + measure.sql() + "))")
			.params(params)
			.query(Integer.class)
			.single() > 0;
		return found ? find(id) : Optional.empty();
	}

	public int count() {
		return jdbc.sql("select count(*) from research_plan").query(Integer.class).single();
	}

	private Map<Long, List<Long>> covered(List<Long> planIds) {
		Map<Long, List<Long>> covered = new HashMap<>();
		if (planIds.isEmpty()) {
			return covered;
		}
		jdbc.sql("select plan_id, unit_id from research_plan_unit where plan_id in (:ids) order by unit_path")
			.param("ids", planIds)
			.query(rs -> {
				covered.computeIfAbsent(rs.getLong("plan_id"), k -> new java.util.ArrayList<>()).add(rs.getLong("unit_id"));
			});
		return covered;
	}

	private static ResearchPlan plan(ResultSet rs, List<Long> covered) throws SQLException {
		return new ResearchPlan(rs.getLong("id"), rs.getString("title"), rs.getString("topics"),
				Arrays.stream(rs.getString("category_codes").split(",")).filter(code -> !code.isBlank()).toList(),
				rs.getLong("owner_unit_id"), rs.getString("owner_unit_path"), covered,
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant at = Times.instant(rs.getObject(column, OffsetDateTime.class));
		if (at == null) {
			throw new IllegalStateException(column + " is null");
		}
		return at;
	}

}
