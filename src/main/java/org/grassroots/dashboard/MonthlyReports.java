package org.grassroots.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.dashboard.internal.ReportContent;
import org.grassroots.dashboard.internal.ReportPdf;
import org.grassroots.dashboard.internal.ReportRepository;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Monthly reports: a PDF per unit and month with its figures, learning figures, rank, top
 * categories, the month's topic, overdue problems and trend (docs/dashboard.md, Monthly reports).
 * The job makes them on the 1st for the city, every district and every street; staff make one on
 * demand for any unit in their scope.
 * Reports hold staff-only data: listing, making and downloading answer 404 outside the caller's
 * scope, whatever the unit's level.
 */
@Service
public class MonthlyReports {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

	/** The lock of the monthly job in ShedLock's table. */
	public static final String LOCK = "dashboard-monthly-reports";

	private static final int LISTED = 120;

	private final DashboardFigures figures;

	private final MonthlyTopics topics;

	private final UnitManagement units;

	private final ProblemViews problems;

	private final ReportRepository reports;

	private final ReportPdf pdf;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CampaignDashboard campaign;

	private final OneThingDashboard oneThing;

	MonthlyReports(DashboardFigures figures, MonthlyTopics topics, UnitManagement units, ProblemViews problems,
			ReportRepository reports, ReportPdf pdf, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, CampaignDashboard campaign, OneThingDashboard oneThing) {
		this.figures = figures;
		this.oneThing = oneThing;
		this.campaign = campaign;
		this.topics = topics;
		this.units = units;
		this.problems = problems;
		this.reports = reports;
		this.pdf = pdf;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The unit a caller may read reports of: staff only (403), within their scope (404 otherwise). */
	public Unit unit(String unitCode, CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		Unit unit = units.findByCode(unitCode, DataScope.CITY).orElseThrow(() -> new NotFoundException("unit", unitCode));
		if (!user.scope().covers(unit.path())) {
			throw new NotFoundException("unit", unitCode);
		}
		return unit;
	}

	/** A unit's kept reports, newest month first. */
	public List<MonthlyReport> list(String unitCode, CurrentUser user) {
		Unit unit = unit(unitCode, user);
		return transactions.execute(status -> reports.ofUnit(unit.code(), LISTED));
	}

	/** A kept report's PDF, if it belongs to this unit and the unit lies in the caller's scope (404 otherwise). */
	public Download download(String unitCode, long reportId, CurrentUser user) {
		Unit unit = unit(unitCode, user);
		return transactions.execute(status -> {
			ReportRepository.Stored stored = reports.find(reportId)
				.filter(found -> found.report().unitCode().equals(unit.code()) && user.scope().covers(found.unitPath()))
				.orElseThrow(() -> new NotFoundException("report", reportId));
			return new Download(stored.report(), unit, reports.pdf(reportId));
		});
	}

	/** A report, the unit it is about and its PDF bytes. */
	public record Download(MonthlyReport report, Unit unit, byte[] pdf) {

		/** The file's name in ASCII, of codes: report-500108-2026-10.pdf, report-500108-2026-10-1.pdf for edition 1. */
		public String fileName() {
			return "report-" + report.unitCode() + "-" + report.month()
					+ (report.edition() == 0 ? "" : "-" + report.edition()) + ".pdf";
		}

	}

	/**
	 * Makes a report now for a unit in the caller's scope and a month up to this one (default last
	 * month), as a new edition beside the kept ones; audited.
	 */
	public MonthlyReport make(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = unit(unitCode, user);
		YearMonth thisMonth = figures.thisMonth();
		YearMonth shown = month == null ? thisMonth.minusMonths(1) : month;
		if (shown.isAfter(thisMonth) || shown.isBefore(thisMonth.minusMonths(60))) {
			throw DomainException.invalid("dashboard.report.error.month");
		}
		for (int attempt = 0;; attempt++) {
			try {
				return transactions.execute(status -> {
					int edition = reports.nextEdition(unit.code(), shown);
					MonthlyReport made = store(unit, shown, edition, user.displayName());
					events.publishEvent(new ReportMade(made.id(), unit.code(), shown.toString(), edition, unit.path()));
					return made;
				});
			}
			catch (DuplicateKeyException ex) {
				if (attempt >= 2) {
					throw DomainException.conflict("dashboard.report.error.busy");
				}
			}
		}
	}

	/**
	 * The job's work for a month: edition 0 of the report of the city, every district and every
	 * street, each in its own transaction, skipping those already made (a rerun after a crash goes
	 * on where it stopped). Runs on one node at a time through ShedLock; on another node at the
	 * same time it returns empty without doing anything.
	 *
	 * @return how many reports were made
	 */
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT1M", lockAtLeastFor = "PT5S")
	public Optional<Integer> makeAll(YearMonth month) {
		long start = System.nanoTime();
		int made = 0;
		int units = 0;
		for (Unit unit : reportedUnits()) {
			units++;
			if (makeScheduled(unit, month)) {
				made++;
			}
		}
		log.info("Monthly reports for {}: {} made, {} already there, {} ms", month, made, units - made,
				(System.nanoTime() - start) / 1_000_000);
		return Optional.of(made);
	}

	private boolean makeScheduled(Unit unit, YearMonth month) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				if (reports.exists(unit.code(), month, 0)) {
					return false;
				}
				store(unit, month, 0, "system");
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The city, its districts and their streets: administrative units only (departments are in their parents' figures). */
	private List<Unit> reportedUnits() {
		List<Unit> list = new ArrayList<>();
		for (Unit city : units.roots(DataScope.CITY)) {
			list.add(city);
			for (Unit district : administrativeChildren(city)) {
				list.add(district);
				list.addAll(administrativeChildren(district).stream().filter(u -> u.level() == UnitLevel.STREET).toList());
			}
		}
		return list;
	}

	private List<Unit> administrativeChildren(Unit parent) {
		List<Unit> children = new ArrayList<>();
		List<Unit> page;
		do {
			page = units.children(parent.id(), DataScope.CITY, children.size());
			children.addAll(page);
		}
		while (!page.isEmpty() && page.size() >= 500);
		return children.stream().filter(u -> u.kind() == UnitKind.ADMINISTRATIVE).toList();
	}

	private MonthlyReport store(Unit unit, YearMonth month, int edition, String madeBy) {
		long start = System.nanoTime();
		Instant now = clock.instant();
		byte[] bytes = pdf.render(content(unit, month, now));
		int millis = (int) ((System.nanoTime() - start) / 1_000_000);
		long id = reports.insert(unit.code(), unit.path(), month, edition, now, madeBy, millis, bytes);
		log.debug("Monthly report {} {} edition {}: {} bytes in {} ms", unit.code(), month, edition, bytes.length, millis);
		return new MonthlyReport(id, unit.code(), month, edition, now, madeBy, bytes.length, millis);
	}

	/**
	 * What the report shows, read as the whole city sees it (the report is the same whoever makes
	 * it; who may read it was checked before).
	 */
	ReportContent content(Unit unit, YearMonth month, Instant now) {
		CurrentUser reader = reader(unit);
		Figures shown = figures.figures(unit.code(), month, reader);
		Unit parent = unit.parentId() == null ? null : units.get(unit.parentId(), DataScope.CITY);
		ReportContent.Rank rank = null;
		if (parent != null && unit.kind() == UnitKind.ADMINISTRATIVE) {
			Ranking ranking = figures.ranking(parent.code(), month, reader);
			for (Ranking.Place place : ranking.places()) {
				if (place.figures().unitCode().equals(unit.code())) {
					rank = new ReportContent.Rank(place.rank(), ranking.places().size(), place.previousRank(),
							place.figures().score());
				}
			}
		}
		List<CategoryCount> categories = figures.categories(unit.code(), month, reader)
			.stream()
			.filter(category -> category.received() > 0 || category.previous() > 0)
			.limit(ReportContent.CATEGORIES_LISTED)
			.toList();
		List<TrendPoint> trend = figures.trend(unit.code(), month.minusMonths(11), month, reader);
		return new ReportContent(shown, unit.nameZh(), unit.nameEn(), parent == null ? null : parent.nameZh(),
				parent == null ? null : parent.nameEn(), rank, categories, overdue(unit, reader), trend,
				figures.learning(unit.code(), month, reader), topics.ofMonth(unit.code(), month, reader).orElse(null),
				campaign.board(unit.code(), month, reader).figures(), oneThing.board(unit.code(), month, reader), now);
	}

	/**
	 * The open overdue problems held in the unit's subtree that the work queue puts first (highest
	 * priority, then earliest deadline): the first page of the list behind the *Overdue now* number,
	 * one scoped search. (One search per open state and page took 24 queries, 10 s, at ten million.)
	 */
	private List<ReportContent.OverdueProblem> overdue(Unit unit, CurrentUser reader) {
		List<Problem> found = figures.behindPage(unit.code(), Measure.OVERDUE, null, null, 0, reader).items();
		List<Problem> listed = found.stream().limit(ReportContent.OVERDUE_LISTED).toList();
		Map<Long, Unit> names = problems.unitsOfIds(listed.stream().map(Problem::handlingUnitId).toList());
		return listed.stream().map(p -> {
			Unit handling = names.get(p.handlingUnitId());
			LocalDate deadline = p.deadline() == null ? null : LocalDate.ofInstant(p.deadline(), Times.ZONE);
			return new ReportContent.OverdueProblem(p.ledgerNo(), p.title(), handling == null ? "" : handling.nameZh(),
					deadline);
		}).toList();
	}

	/** The city-wide reader the report's content is read as. */
	private CurrentUser reader(Unit unit) {
		String root = unit.path().substring(0, unit.path().indexOf('/', 1) + 1);
		return new CurrentUser(0, "system", "system", unit.id(), root, Set.of(Role.CITY_ADMIN), DataScope.CITY,
				DataScope.CITY, null, true, null, false);
	}

}
