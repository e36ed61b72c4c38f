package org.grassroots.problems.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.problems.ProblemFilter;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;

/** Builds the scoped, filtered query behind the search, the work queue and the export; values always bound. */
public final class ProblemSearch {

	static final String ORDER = " order by p.overdue desc, p.priority desc, coalesce(p.deadline, p.response_due) asc, p.id desc";

	/** The same order over party rows, whose {@code due} is the copied deadline or response limit. */
	private static final String PARTY_ORDER = " order by pp.overdue desc, pp.priority desc, pp.due asc, pp.problem_id desc";

	/** A path's depth, as {@link #depth}: 1 for the city, 2 for a district. */
	private static final int DISTRICT_DEPTH = 2;

	private ProblemSearch() {
	}

	/** The WHERE clause for a filter within a scope. */
	public static SqlCondition where(ProblemFilter filter, DataScope scope, String unitPathPrefix) {
		SqlCondition visible = ProblemRepository.visible(scope);
		List<String> terms = new ArrayList<>(List.of(visible.sql()));
		Map<String, Object> params = new LinkedHashMap<>(visible.params());
		if (filter.state() != null) {
			terms.add("p.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
			terms.add("p.category_code = :category");
			params.put("category", filter.categoryCode());
		}
		if (filter.source() != null) {
			terms.add("p.source = :source");
			params.put("source", filter.source().name());
		}
		if (!unitPathPrefix.isEmpty()) {
			terms.add("coalesce(p.responsible_unit_path, p.handling_unit_path) like :unitPrefix");
			params.put("unitPrefix", unitPathPrefix + "%");
		}
		if (filter.overdue() != null) {
			terms.add("p.overdue = :overdue");
			params.put("overdue", filter.overdue());
		}
		if (filter.supervised() != null) {
			terms.add("p.supervised = :supervised");
			params.put("supervised", filter.supervised());
		}
		if (filter.from() != null) {
			terms.add("p.created_at >= :from");
			params.put("from", startOf(filter.from()));
		}
		if (filter.to() != null) {
			terms.add("p.created_at < :to");
			params.put("to", startOf(filter.to().plusDays(1)));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			terms.add("(lower(p.title) like :text or lower(p.description) like :text)");
			params.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		return new SqlCondition(String.join(" and ", terms), params);
	}

	public static String columns() {
		return ProblemRepository.COLUMNS;
	}

	public static String order() {
		return ORDER;
	}

	public static String select(SqlCondition where) {
		return "select " + ProblemRepository.COLUMNS + " from problem p where " + where.sql() + ORDER;
	}

	/**
	 * The condition on the scope's party rows ({@code pp}) for a search they can answer alone, or
	 * empty when walking the lists' order over all problems is the better plan. Party rows carry the
	 * order columns, state and category, so a search filtered by nothing else is a range of the
	 * party index and a sort of that range. That range is small below the district level (a street
	 * holds about a thousandth of the city's problems), or within a category and state anywhere; a
	 * whole district's is large enough that finding twenty of its problems in the lists' order is
	 * cheaper than sorting all of them.
	 */
	public static Optional<SqlCondition> onParties(ProblemFilter filter, DataScope scope) {
		boolean carried = filter.source() == null && blank(filter.unitCode()) && filter.supervised() == null
				&& filter.from() == null && filter.to() == null && blank(filter.text());
		boolean narrow = scope.subtrees().stream().allMatch(path -> depth(path) > DISTRICT_DEPTH)
				|| filter.state() != null && !blank(filter.categoryCode());
		if (scope.all() || scope.isEmpty() || !carried || !narrow) {
			return Optional.empty();
		}
		SqlCondition party = scope.on("pp.unit_path", "vis");
		List<String> terms = new ArrayList<>(List.of(party.sql()));
		Map<String, Object> params = new LinkedHashMap<>(party.params());
		if (filter.state() != null) {
			terms.add("pp.state = :state");
			params.put("state", filter.state().name());
		}
		if (!blank(filter.categoryCode())) {
			terms.add("pp.category_code = :category");
			params.put("category", filter.categoryCode());
		}
		if (filter.overdue() != null) {
			terms.add("pp.overdue = :overdue");
			params.put("overdue", filter.overdue());
		}
		return Optional.of(new SqlCondition(String.join(" and ", terms), params));
	}

	/** One page of the problems whose party rows match, in the lists' order, each problem once. */
	public static String selectOnParties(SqlCondition parties, int limit, int offset) {
		return "select " + ProblemRepository.COLUMNS + " from problem p join (select pp.problem_id, pp.overdue,"
				+ " pp.priority, pp.due from problem_party pp where " + parties.sql()
				+ " group by pp.problem_id, pp.overdue, pp.priority, pp.due" + PARTY_ORDER + " limit " + limit
				+ " offset " + offset + ") top on top.problem_id = p.id" + PARTY_ORDER.replace("pp.", "top.");
	}

	private static int depth(String path) {
		return (int) path.chars().filter(c -> c == '/').count() - 1;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Problems waiting for the unit with this path: to accept or dispatch, to rectify, to
	 * recognize, to report in to, or to review.
	 */
	public static SqlCondition queue(String unitPath) {
		String sql = """
				((p.state in ('REPORTED', 'ACCEPTED') and p.handling_unit_path = :me)
				 or (p.state in ('ASSIGNED', 'RECTIFYING') and p.responsible_unit_path = :me)
				 or (p.state = 'SUBMITTED' and ((p.raising_side_path = :me and p.raising_recognized_at is null)
				     or (p.responsible_side_path = :me and p.responsible_recognized_at is null)))
				 or (p.review_state = 'OPEN' and p.review_unit_path = :me)
				 or exists (select 1 from summons s join summons_department d on d.summons_id = s.id
				            where s.problem_id = p.id and d.unit_path = :me and s.closed_at is null and d.acted_at is null))
				""";
		return new SqlCondition(sql, Map.of("me", unitPath));
	}

	private static Object startOf(LocalDate day) {
		return Times.utc(day.atStartOfDay(Times.ZONE).toInstant());
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
