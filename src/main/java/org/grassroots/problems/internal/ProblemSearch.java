package org.grassroots.problems.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.problems.ProblemConditions;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemViews;
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
			// a ledger number, whole or in part, as read out from an SMS or over the phone, finds its problem too
			terms.add("(lower(p.title) like :text or lower(p.description) like :text or p.ledger_no like :text)");
			params.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		return new SqlCondition(String.join(" and ", terms), params);
	}

	/**
	 * The WHERE clause for a filter and the figures' conditions within a scope: the filter's terms
	 * and one more term per condition set. Each term is true or false, never unknown, so
	 * {@code false} is its negation.
	 */
	public static SqlCondition where(ProblemFilter filter, ProblemConditions conditions, DataScope scope,
			String unitPathPrefix) {
		SqlCondition base = where(filter, scope, unitPathPrefix);
		List<String> terms = new ArrayList<>(List.of(base.sql()));
		Map<String, Object> params = new LinkedHashMap<>(base.params());
		term(terms, conditions.counted(),
				"p.duplicate_of is null and not exists (select 1 from problem c where c.parent_id = p.id)");
		term(terms, conditions.open(), "p.state not in ('CLOSED', 'DECLINED')");
		if (conditions.closedFrom() != null) {
			terms.add("p.closed_at >= :closedFrom");
			params.put("closedFrom", startOf(conditions.closedFrom()));
		}
		if (conditions.closedTo() != null) {
			terms.add("p.closed_at < :closedTo");
			params.put("closedTo", startOf(conditions.closedTo().plusDays(1)));
		}
		term(terms, conditions.respondedInTime(),
				"p.first_action_at is not null and (p.response_due is null or p.first_action_at <= p.response_due)");
		term(terms, conditions.closedOnTime(),
				"p.closed_at is not null and (p.deadline is null or p.closed_at <= p.deadline)");
		term(terms, conditions.rated(), "p.evaluation is not null");
		term(terms, conditions.satisfied(), "coalesce(p.evaluation, '') in ('SATISFIED', 'BASICALLY_SATISFIED')");
		term(terms, conditions.dissatisfied(), "coalesce(p.evaluation, '') = 'DISSATISFIED'");
		term(terms, conditions.reopened(),
				"exists (select 1 from problem_event e where e.problem_id = p.id and e.action = 'REOPEN')");
		term(terms, conditions.returned(), "p.return_count > 0");
		return new SqlCondition(String.join(" and ", terms), params);
	}

	private static void term(List<String> terms, @Nullable Boolean value, String sql) {
		if (value != null) {
			terms.add(value ? "(" + sql + ")" : "not (" + sql + ")");
		}
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
	 * A search that the scope's party rows answer alone: their scope condition and the filter's.
	 *
	 * @param matchesOnly whether an index range holds exactly the matches (a category and a state)
	 */
	public record PartySearch(DataScope scope, SqlCondition filter, boolean matchesOnly) {

		/** Both conditions on {@code pp}, for the range form and the count. */
		public SqlCondition where() {
			SqlCondition party = scope.on("pp.unit_path", "vis");
			Map<String, Object> params = new LinkedHashMap<>(party.params());
			params.putAll(filter.params());
			return new SqlCondition(party.sql() + " and " + filter.sql(), params);
		}

	}

	/** A whole statement with its bound parameters. */
	public record Query(String sql, Map<String, Object> params) {

	}

	/**
	 * The search as one the scope's party rows answer, or empty when walking the lists' order over
	 * all problems is the better plan. Party rows carry the order columns, state and category, so a
	 * search filtered by nothing else reads only the scope's party rows. They are few below the
	 * district level (a street holds about a thousandth of the city's problems), or within a
	 * category and state anywhere; a whole district holds so many that finding its first twenty in
	 * the lists' order is cheaper.
	 */
	public static Optional<PartySearch> onParties(ProblemFilter filter, DataScope scope) {
		boolean carried = filter.source() == null && blank(filter.unitCode()) && filter.supervised() == null
				&& filter.from() == null && filter.to() == null && blank(filter.text());
		boolean byCategoryAndState = filter.state() != null && !blank(filter.categoryCode());
		boolean narrow = byCategoryAndState
				|| scope.subtrees().stream().allMatch(path -> depth(path) > DISTRICT_DEPTH);
		if (scope.all() || scope.isEmpty() || !carried || !narrow) {
			return Optional.empty();
		}
		List<String> terms = new ArrayList<>(List.of("1=1"));
		Map<String, Object> params = new LinkedHashMap<>();
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
		return Optional.of(new PartySearch(scope, new SqlCondition(String.join(" and ", terms), params),
				byCategoryAndState));
	}

	/**
	 * A page from the scope's party ranges: every matching row read, grouped per problem (a problem
	 * has several parties) and sorted. Works everywhere; its cost grows with the scope.
	 */
	public static Query pageFromRanges(PartySearch search, int offset) {
		SqlCondition where = search.where();
		return new Query(page("select pp.problem_id, pp.overdue, pp.priority, pp.due from problem_party pp where "
				+ where.sql() + " group by pp.problem_id, pp.overdue, pp.priority, pp.due" + PARTY_ORDER, offset),
				where.params());
	}

	/**
	 * A page from each unit's own party rows, which the index holds in the lists' order: at most
	 * {@code offset + 20} rows of each unit, merged. A problem in the page's first rows is among
	 * the first rows of each unit it belongs to, so nothing is missed. PostgreSQL only (LATERAL);
	 * for a street's hundred units it reads a few hundred index entries instead of its 21,000.
	 */
	public static Query pageFromUnits(PartySearch search, List<String> paths, int offset) {
		Map<String, Object> params = new LinkedHashMap<>(search.filter().params());
		List<String> values = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			values.add("(cast(:path" + i + " as varchar(1000)))");
			params.put("path" + i, paths.get(i));
		}
		String perUnit = "select distinct t.problem_id, t.overdue, t.priority, t.due from (values "
				+ String.join(", ", values) + ") s (path) cross join lateral (select pp.problem_id, pp.overdue,"
				+ " pp.priority, pp.due from problem_party pp where pp.unit_path = s.path and " + search.filter().sql()
				+ PARTY_ORDER + " limit " + (offset + ProblemViews.PAGE_SIZE) + ") t" + PARTY_ORDER.replace("pp.", "t.");
		return new Query(page(perUnit, offset), params);
	}

	/** The page's problems, in the order of the party rows that chose them. */
	private static String page(String partyRows, int offset) {
		return "select " + ProblemRepository.COLUMNS + " from problem p join (" + partyRows + " limit "
				+ ProblemViews.PAGE_SIZE + " offset " + offset + ") top on top.problem_id = p.id"
				+ PARTY_ORDER.replace("pp.", "top.");
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
