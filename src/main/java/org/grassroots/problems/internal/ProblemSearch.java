package org.grassroots.problems.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.problems.ProblemFilter;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;

/** Builds the scoped, filtered query behind the search, the work queue and the export; values always bound. */
public final class ProblemSearch {

	static final String ORDER = " order by p.overdue desc, p.priority desc, coalesce(p.deadline, p.response_due) asc, p.id desc";

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
