package org.grassroots.dashboard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.shared.PathRewrite;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last {@link Fact} applied per problem ({@code dash_problem}, {@code dash_problem_summons}). */
@Repository
public class FactStore {

	private static final String INSERT = """
			insert into dash_problem (problem_id, unit_path, category_code, counted, received_month, responded, declined,
			    returned, reopened, closed_month, resolved, closed_on_time, rated, satisfied, open, overdue, supervised)
			values (:id, :path, :category, :counted, :received, :responded, :declined, :returned, :reopened, :closed,
			    :resolved, :onTime, :rated, :satisfied, :open, :overdue, :supervised)
			""";

	private static final String UPDATE = """
			update dash_problem set unit_path = :path, category_code = :category, counted = :counted,
			    received_month = :received, responded = :responded, declined = :declined, returned = :returned,
			    reopened = :reopened, closed_month = :closed, resolved = :resolved, closed_on_time = :onTime,
			    rated = :rated, satisfied = :satisfied, open = :open, overdue = :overdue, supervised = :supervised
			where problem_id = :id
			""";

	private static final String INSERT_SUMMONS = """
			insert into dash_problem_summons (problem_id, seq, unit_path, month_key, on_time)
			values (:id, :seq, :path, :month, :onTime)
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	FactStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * Locks the problems' rows in id order, creating empty ones first where there are none, and
	 * answers the facts last applied, by id; two deliveries for one problem thus count one after
	 * the other. Three statements whatever their number.
	 */
	public Map<Long, Fact> lockAll(List<Long> sortedIds) {
		named.batchUpdate(INSERT + " on conflict do nothing",
				sortedIds.stream().map(id -> params(Fact.none(id))).toArray(MapSqlParameterSource[]::new));
		Map<Long, List<Fact.Summoned>> summoned = summoned(sortedIds);
		Map<Long, Fact> locked = new LinkedHashMap<>();
		jdbc.sql("select * from dash_problem where problem_id in (:ids) order by problem_id for update")
			.param("ids", sortedIds)
			.query((rs, n) -> fact(rs, summoned.getOrDefault(rs.getLong("problem_id"), List.of())))
			.list()
			.forEach(fact -> locked.put(fact.problemId(), fact));
		return locked;
	}

	/**
	 * Writes the facts now applied over their locked rows. Updates, not deletes and inserts: on
	 * PostgreSQL a waiting {@code select ... for update} follows an updated row to its new version
	 * but finds nothing when the row it waited for was deleted.
	 */
	public void replaceAll(List<Fact> facts) {
		if (facts.isEmpty()) {
			return;
		}
		named.batchUpdate(UPDATE, facts.stream().map(FactStore::params).toArray(MapSqlParameterSource[]::new));
		jdbc.sql("delete from dash_problem_summons where problem_id in (:ids)")
			.param("ids", facts.stream().map(Fact::problemId).toList())
			.update();
		insertSummons(facts);
	}

	public void insertAll(List<Fact> facts) {
		named.batchUpdate(INSERT, facts.stream().map(FactStore::params).toArray(MapSqlParameterSource[]::new));
		insertSummons(facts);
	}

	private void insertSummons(List<Fact> facts) {
		List<MapSqlParameterSource> summons = new ArrayList<>();
		for (Fact fact : facts) {
			for (int seq = 0; seq < fact.summoned().size(); seq++) {
				Fact.Summoned department = fact.summoned().get(seq);
				summons.add(new MapSqlParameterSource().addValue("id", fact.problemId())
					.addValue("seq", seq)
					.addValue("path", department.unitPath())
					.addValue("month", department.month())
					.addValue("onTime", department.reportedInOnTime()));
			}
		}
		if (!summons.isEmpty()) {
			named.batchUpdate(INSERT_SUMMONS, summons.toArray(MapSqlParameterSource[]::new));
		}
	}

	public void deleteAll() {
		jdbc.sql("delete from dash_problem_summons").update();
		jdbc.sql("delete from dash_problem").update();
	}

	public void rewritePaths(String oldPrefix, String newPrefix) {
		for (String table : List.of("dash_problem", "dash_problem_summons")) {
			PathRewrite.rewrite(jdbc, table, "unit_path", oldPrefix, newPrefix);
		}
	}

	public Optional<Fact> find(long problemId) {
		List<Fact.Summoned> summoned = summoned(List.of(problemId)).getOrDefault(problemId, List.of());
		return jdbc.sql("select * from dash_problem where problem_id = :id")
			.param("id", problemId)
			.query((rs, n) -> fact(rs, summoned))
			.optional();
	}

	private Map<Long, List<Fact.Summoned>> summoned(List<Long> problemIds) {
		Map<Long, List<Fact.Summoned>> summoned = new HashMap<>();
		jdbc.sql("select * from dash_problem_summons where problem_id in (:ids) order by problem_id, seq")
			.param("ids", problemIds)
			.query(rs -> {
				summoned.computeIfAbsent(rs.getLong("problem_id"), id -> new ArrayList<>())
					.add(new Fact.Summoned(rs.getString("unit_path"), rs.getInt("month_key"), rs.getBoolean("on_time")));
			});
		return summoned;
	}

	private static Fact fact(ResultSet rs, List<Fact.Summoned> summoned) throws SQLException {
		return new Fact(rs.getLong("problem_id"), rs.getString("unit_path"), rs.getString("category_code"),
				rs.getBoolean("counted"), rs.getInt("received_month"), rs.getBoolean("responded"), rs.getBoolean("declined"),
				rs.getInt("returned"), rs.getBoolean("reopened"), rs.getInt("closed_month"), rs.getBoolean("resolved"),
				rs.getBoolean("closed_on_time"), rs.getBoolean("rated"), rs.getBoolean("satisfied"), rs.getBoolean("open"),
				rs.getBoolean("overdue"), rs.getBoolean("supervised"), summoned);
	}

	private static MapSqlParameterSource params(Fact fact) {
		return new MapSqlParameterSource().addValue("id", fact.problemId())
			.addValue("path", fact.unitPath())
			.addValue("category", fact.categoryCode())
			.addValue("counted", fact.counted())
			.addValue("received", fact.receivedMonth())
			.addValue("responded", fact.responded())
			.addValue("declined", fact.declined())
			.addValue("returned", fact.returned())
			.addValue("reopened", fact.reopened())
			.addValue("closed", fact.closedMonth())
			.addValue("resolved", fact.resolved())
			.addValue("onTime", fact.closedOnTime())
			.addValue("rated", fact.rated())
			.addValue("satisfied", fact.satisfied())
			.addValue("open", fact.open())
			.addValue("overdue", fact.overdue())
			.addValue("supervised", fact.supervised());
	}

}
