package org.grassroots.problems.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.grassroots.problems.ProblemFact;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.Rating;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the facts of {@link ProblemFact}: some problems, or all of them through a cursor. */
@Repository
public class FactQueries {

	private static final String SELECT = """
			select p.id, p.category_code, p.state, coalesce(p.responsible_unit_path, p.handling_unit_path) holder_path,
			       exists (select 1 from problem c where c.parent_id = p.id) split_parent,
			       p.duplicate_of, p.created_at, p.response_due, p.first_action_at, p.deadline, p.closed_at, p.overdue,
			       p.supervised, p.return_count, p.evaluation,
			       exists (select 1 from problem_event e where e.problem_id = p.id and e.action = 'REOPEN') reopened
			from problem p
			""";

	private static final String SUMMONED = """
			select s.problem_id, d.unit_path, s.issued_at, s.due_at, d.reported_at
			from summons s join summons_department d on d.summons_id = s.id
			""";

	private final JdbcClient jdbc;

	FactQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The facts of the problems asked for that exist, by id: two statements whatever their number. */
	public Map<Long, ProblemFact> findAll(Collection<Long> ids) {
		Map<Long, ProblemFact> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		Map<Long, List<ProblemFact.SummonedDepartment>> summoned = new HashMap<>();
		jdbc.sql(SUMMONED + " where s.problem_id in (:ids) order by s.problem_id, s.id, d.unit_id").param("ids", ids)
			.query(rs -> {
				summoned.computeIfAbsent(rs.getLong("problem_id"), id -> new ArrayList<>()).add(department(rs));
			});
		jdbc.sql(SELECT + " where p.id in (:ids)").param("ids", ids)
			.query((rs, row) -> fact(rs, summoned.getOrDefault(rs.getLong("id"), List.of())))
			.list()
			.forEach(fact -> found.put(fact.id(), fact));
		return found;
	}

	/** Summonses are few beside problems, so they are read first into memory and joined by id. */
	public void forEach(Consumer<ProblemFact> sink) {
		Map<Long, List<ProblemFact.SummonedDepartment>> summoned = new HashMap<>();
		jdbc.sql(SUMMONED + " order by s.problem_id, s.id, d.unit_id").query(rs -> {
			summoned.computeIfAbsent(rs.getLong("problem_id"), id -> new ArrayList<>()).add(department(rs));
		});
		try (var rows = jdbc.sql(SELECT).withFetchSize(500)
			.query((rs, row) -> fact(rs, summoned.getOrDefault(rs.getLong("id"), List.of())))
			.stream()) {
			rows.forEach(sink);
		}
	}

	private static ProblemFact.SummonedDepartment department(ResultSet rs) throws SQLException {
		return new ProblemFact.SummonedDepartment(rs.getString("unit_path"), ProblemRepository.instant(rs, "issued_at"),
				ProblemRepository.instant(rs, "due_at"), ProblemRepository.nullableInstant(rs, "reported_at"));
	}

	private static ProblemFact fact(ResultSet rs, List<ProblemFact.SummonedDepartment> summoned) throws SQLException {
		String evaluation = rs.getString("evaluation");
		return new ProblemFact(rs.getLong("id"), rs.getString("category_code"), ProblemState.valueOf(rs.getString("state")),
				rs.getString("holder_path"), rs.getBoolean("split_parent"), ProblemRepository.nullableLong(rs, "duplicate_of") != null,
				ProblemRepository.instant(rs, "created_at"), ProblemRepository.nullableInstant(rs, "response_due"),
				ProblemRepository.nullableInstant(rs, "first_action_at"), ProblemRepository.nullableInstant(rs, "deadline"),
				ProblemRepository.nullableInstant(rs, "closed_at"), rs.getBoolean("overdue"), rs.getBoolean("supervised"),
				rs.getInt("return_count"), evaluation == null ? null : Rating.valueOf(evaluation), rs.getBoolean("reopened"),
				summoned);
	}

}
