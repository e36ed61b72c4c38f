package org.grassroots.visits;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.files.FileStore;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.internal.VisitRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading visits within the person's scope: the log and its filters, one visit with its photos and
 * problems, the per-cadre summary of a month, and the rows of the export. Staff only.
 */
@Service
public class VisitViews {

	public static final int PAGE_SIZE = 20;

	/** List totals stop here, as the problem lists' do. */
	public static final int COUNT_LIMIT = 1_000;

	private final VisitRepository visits;

	private final ProblemViews problems;

	private final UnitManagement units;

	private final FileStore files;

	VisitViews(VisitRepository visits, ProblemViews problems, UnitManagement units, FileStore files) {
		this.visits = visits;
		this.problems = problems;
		this.units = units;
		this.files = files;
	}

	/** One page of the log and how many match. */
	public record Page(List<Visit> visits, long total, int page) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

		/** Whether there are more than {@link #COUNT_LIMIT} visits, counted no further: filter to see them all. */
		public boolean capped() {
			return total > COUNT_LIMIT;
		}

		public int countLimit() {
			return COUNT_LIMIT;
		}

	}

	/**
	 * A visit with what its page shows.
	 *
	 * @param solvedOnSpot the ids of the problems the cadre recorded as solved on the spot
	 */
	public record Detail(Visit visit, List<VisitPhoto> photos, List<Problem> problems, List<Long> solvedOnSpot) {

	}

	/** A photo's file and type, for sending. */
	public record PhotoFile(Path path, String contentType) {

	}

	@Transactional(readOnly = true)
	public Page list(VisitFilter filter, int page, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		int at = Math.max(page, 0);
		return new Page(visits.list(filter, user.scope(), PAGE_SIZE, at * PAGE_SIZE),
				visits.count(filter, user.scope(), COUNT_LIMIT), at);
	}

	@Transactional(readOnly = true)
	public Visit get(long id, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		return visits.find(id, user.scope()).orElseThrow(() -> new NotFoundException("visit", id));
	}

	@Transactional(readOnly = true)
	public Detail detail(long id, CurrentUser user) {
		Visit visit = get(id, user);
		return new Detail(visit, visits.photos(id), problems.collectedOn(VisitManagement.ORIGIN, id), visits.onSpot(id));
	}

	@Transactional(readOnly = true)
	public PhotoFile photo(long id, long photoId, CurrentUser user) {
		get(id, user);
		String[] file = visits.photoFile(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
		return new PhotoFile(files.path(file[0]), file[1]);
	}

	/** Every visit the filter matches in scope, from a cursor, for the Excel export. */
	@Transactional(readOnly = true)
	public void forEach(VisitFilter filter, CurrentUser user, Consumer<Visit> sink) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		visits.stream(filter, user.scope(), sink);
	}

	/**
	 * Visits by kind per cadre in a month, with the problems collected on them, within the scope,
	 * optionally at one unit's subtree; cadres by name.
	 */
	@Transactional(readOnly = true)
	public List<CadreSummary> summary(YearMonth month, @Nullable String unitPath, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		Map<Long, List<Map<String, Object>>> byCadre = new LinkedHashMap<>();
		for (Map<String, Object> row : visits.summary(month.atDay(1), month.atEndOfMonth(), user.scope(), unitPath)) {
			byCadre.computeIfAbsent(number(row, "cadre_account_id"), key -> new ArrayList<>()).add(row);
		}
		List<CadreSummary> summaries = new ArrayList<>();
		byCadre.forEach((cadre, rows) -> summaries.add(summary(cadre, rows)));
		summaries.sort(java.util.Comparator.comparing(CadreSummary::cadreName));
		return summaries;
	}

	private static CadreSummary summary(long cadre, List<Map<String, Object>> rows) {
		Map<VisitKind, Integer> byKind = new EnumMap<>(VisitKind.class);
		for (VisitKind kind : VisitKind.values()) {
			byKind.put(kind, 0);
		}
		int visits = 0;
		int collected = 0;
		int onSpot = 0;
		int later = 0;
		for (Map<String, Object> row : rows) {
			int count = (int) number(row, "visits");
			byKind.put(VisitKind.valueOf(String.valueOf(value(row, "kind"))), count);
			visits += count;
			collected += (int) number(row, "collected");
			onSpot += (int) number(row, "on_spot");
			later += (int) number(row, "later");
		}
		Map<String, Object> first = rows.get(0);
		return new CadreSummary(cadre, String.valueOf(value(first, "cadre_name")), number(first, "cadre_unit_id"), byKind,
				visits, collected, onSpot, later);
	}

	/** A column by name whatever case the database gives it (H2 upper, PostgreSQL lower). */
	private static @Nullable Object value(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return value != null ? value : row.get(column.toUpperCase(java.util.Locale.ROOT));
	}

	private static long number(Map<String, Object> row, String column) {
		Object value = value(row, column);
		return value == null ? 0 : ((Number) value).longValue();
	}

	/** The unit's path for a filter, when it lies in the person's scope; otherwise 404 as any object out of scope. */
	@Transactional(readOnly = true)
	public String unitPath(String code, CurrentUser user) {
		return units.findByCode(code.trim(), user.scope()).orElseThrow(() -> new NotFoundException("unit", code)).path();
	}

}
