package org.grassroots.dashboard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
	 * Locks the problem's row, creating an empty one first if there is none, and answers the fact
	 * last applied; two deliveries for one problem thus count one after the other.
	 */
	public Fact lock(long problemId) {
		named.update(INSERT + " on conflict do nothing", params(Fact.none(problemId)));
		Fact stored = jdbc.sql("select * from dash_problem where problem_id = :id for update")
			.param("id", problemId)
			.query((rs, n) -> fact(rs, List.of()))
			.single();
		List<Fact.Summoned> summoned = summoned(problemId);
		return new Fact(stored.problemId(), stored.unitPath(), stored.categoryCode(), stored.counted(),
				stored.receivedMonth(), stored.responded(), stored.declined(), stored.returned(), stored.reopened(),
				stored.closedMonth(), stored.resolved(), stored.closedOnTime(), stored.rated(), stored.satisfied(),
				stored.open(), stored.overdue(), stored.supervised(), summoned);
	}

	/**
	 * Writes the fact now applied over the locked row. An update, not a delete and insert: on
	 * PostgreSQL a waiting {@code select ... for update} follows an updated row to its new version
	 * but finds nothing when the row it waited for was deleted.
	 */
	public void replace(Fact fact) {
		named.update(UPDATE, params(fact));
		jdbc.sql("delete from dash_problem_summons where problem_id = :id").param("id", fact.problemId()).update();
		insertSummons(List.of(fact));
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
		List<Fact.Summoned> summoned = summoned(problemId);
		return jdbc.sql("select * from dash_problem where problem_id = :id")
			.param("id", problemId)
			.query((rs, n) -> fact(rs, summoned))
			.optional();
	}

	private List<Fact.Summoned> summoned(long problemId) {
		return jdbc.sql("select * from dash_problem_summons where problem_id = :id order by seq")
			.param("id", problemId)
			.query((rs, n) -> new Fact.Summoned(rs.getString("unit_path"), rs.getInt("month_key"), rs.getBoolean("on_time")))
			.list();
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
