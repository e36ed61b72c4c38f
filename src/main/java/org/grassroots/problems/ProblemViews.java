package org.grassroots.problems;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.problems.internal.NoticeRepository;
import org.grassroots.problems.internal.ProblemAccess;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.problems.internal.ProblemSearch;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Database;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.files.FileStore;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading problems: the work queue, search, detail, public ledger, tracking, inbox and export. */
@Service
public class ProblemViews {

	public static final int PAGE_SIZE = 20;

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final NoticeRepository notices;

	private final ProblemAccess access;

	private final UnitManagement units;

	private final FileStore files;

	private final Database database;

	ProblemViews(ProblemRepository problems, WorkRepository work, NoticeRepository notices, ProblemAccess access,
			UnitManagement units, FileStore files, Database database) {
		this.database = database;
		this.problems = problems;
		this.work = work;
		this.notices = notices;
		this.access = access;
		this.units = units;
		this.files = files;
	}

	/** Counting stops here: beyond it a list says "10000+" instead of counting every row in scope. */
	public static final int COUNT_LIMIT = 1_000;

	/** Beyond this many units in scope, a page reads the scope's party range instead of each unit's rows. */
	private static final int MAX_UNITS_APART = 500;

	/** Party rows an unfiltered count reads at most: a problem has a few in one scope, rarely more. */
	private static final int PARTY_WINDOW = 10 * COUNT_LIMIT;

	/** One page of a list and the total behind it, counted up to {@link #COUNT_LIMIT} and one more. */
	public record Page(List<Problem> items, long total, int page, int pageSize) {

		public String totalText() {
			return total > COUNT_LIMIT ? COUNT_LIMIT + "+" : String.valueOf(total);
		}

		public int pages() {
			return (int) Math.max(1, (total + pageSize - 1) / pageSize);
		}

	}

	/** Everything the detail page and the API's detail show, with what this person may do now. */
	public record Detail(Problem problem, List<TimelineEntry> timeline, List<Milestone> milestones,
			List<Attachment> attachments, List<Supervision> supervisions, List<Summons> summonses, List<Problem> children,
			Map<String, List<String>> attributes, Set<Party> parties, Set<ProblemAction> allowed,
			@Nullable ProblemOrigin origin) {

	}

	/**
	 * What a resident sees by tracking code or in their own reports: no personal data, only public
	 * timeline entries, the measures and notes staff published and the files they marked public.
	 *
	 * @param responsibleUnit the unit working on it now: the responsible unit once assigned, else the one that received it
	 * @param assigned whether a responsible unit has been named
	 * @param place the community or street the report is about
	 * @param districtCode the district whose public ledger lists it
	 * @param measures the latest rectification measures staff published, if any
	 * @param notes the progress notes staff published, newest first
	 * @param evidence the files staff marked public
	 */
	public record Tracking(String ledgerNo, String title, String categoryCode, ProblemState state, Instant createdAt,
			@Nullable Instant deadline, @Nullable Instant closedAt, @Nullable Rating evaluation,
			@Nullable String duplicateOf, List<PublicStep> timeline, boolean canEvaluate, PublicUnit responsibleUnit,
			boolean assigned, @Nullable PublicUnit place, String districtCode, @Nullable String measures,
			List<PublicStep> notes, List<PublicFile> evidence) {

	}

	/** A unit as the public pages name it: by its names, never its code or path. */
	public record PublicUnit(String nameZh, @Nullable String nameEn) {

		static PublicUnit of(Unit unit) {
			return new PublicUnit(unit.nameZh(), unit.nameEn());
		}

		/** The name in the given language, Chinese where no English name is known. */
		public String name(String language) {
			return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
		}

	}

	/** A file staff marked public, without its name or who uploaded it. */
	public record PublicFile(long id, String contentType, long sizeBytes, Instant uploadedAt) {

		static PublicFile of(Attachment attachment) {
			return new PublicFile(attachment.id(), attachment.contentType(), attachment.sizeBytes(), attachment.uploadedAt());
		}

		public boolean image() {
			return contentType.startsWith("image/");
		}

	}

	/**
	 * A step of the public timeline: what happened and when, never who. Only words written for the
	 * public come with it: a refusal's reason, and the measures and progress notes staff published
	 * (those entries are public only when staff chose so).
	 *
	 * @param reason the words published with the step
	 * @param duplicate whether the problem is a resident's report linked to an open one as the same problem
	 */
	public record PublicStep(long id, ProblemAction action, ProblemState state, Instant at, @Nullable String reason,
			boolean duplicate) {

		private static final Set<ProblemAction> WITH_WORDS = EnumSet.of(ProblemAction.DECLINE, ProblemAction.START,
				ProblemAction.NOTE);

		static PublicStep of(TimelineEntry entry) {
			return of(entry, false);
		}

		static PublicStep of(TimelineEntry entry, boolean duplicate) {
			return new PublicStep(entry.id(), entry.action(), entry.toState(), entry.at(),
					entry.publicNote() && WITH_WORDS.contains(entry.action()) ? entry.note() : null, duplicate);
		}

	}

	/**
	 * A line of the public ledger: no personal data.
	 *
	 * @param title the title where it is public, else none
	 */
	public record LedgerLine(String ledgerNo, String categoryCode, @Nullable Long locationUnitId, ProblemState state,
			@Nullable Instant deadline, @Nullable Instant closedAt, @Nullable String title) {

	}

	/**
	 * What the public ledger may be filtered by; each is left out when none.
	 *
	 * @param areaCode a unit below the ledger's unit (a street of a district's ledger): problems placed there,
	 * or held there when they have no place
	 */
	public record LedgerFilter(@Nullable ProblemState state, @Nullable String categoryCode, @Nullable String areaCode) {

		public static final LedgerFilter NONE = new LedgerFilter(null, null, null);

	}

	/**
	 * One page of the public ledger, and whether another follows.
	 *
	 * @param points where the page's lines are, as public as Open311 shows them (issue 21)
	 */
	public record LedgerPage(List<LedgerLine> lines, int page, boolean hasNext, List<LedgerPoint> points) {

	}

	/**
	 * A ledger line's place for the public map: only for the residents' reports with a public
	 * title that Open311 publishes, rounded as it rounds them ({@link PublicRequest#publicCoordinate}).
	 */
	public record LedgerPoint(String ledgerNo, String title, BigDecimal latitude, BigDecimal longitude) {

		static Optional<LedgerPoint> of(Problem problem) {
			if (problem.source() != ProblemSource.RESIDENT || !problem.titlePublic() || problem.latitude() == null
					|| problem.longitude() == null) {
				return Optional.empty();
			}
			return Optional.of(new LedgerPoint(problem.ledgerNo(), problem.title(),
					PublicRequest.publicCoordinate(problem.latitude()), PublicRequest.publicCoordinate(problem.longitude())));
		}

	}

	/** One page of a resident's own reports, newest first, and whether another follows. */
	public record OwnReports(List<Problem> items, int page, boolean hasNext) {

	}

	public static final int LEDGER_PAGE_SIZE = 50;

	/**
	 * The problems collected on another module's record, for that record's page. The caller has
	 * checked the record against the person's scope; each problem has the record's place as a party.
	 */
	@Transactional(readOnly = true)
	public List<Problem> collectedOn(String originKind, long originId) {
		return problems.byOrigin(originKind, originId);
	}

	@Transactional(readOnly = true)
	public Problem get(long id, CurrentUser user) {
		return problems.find(id, user.scope()).orElseThrow(() -> new NotFoundException("problem", id));
	}

	/** A problem by its ledger number, only within the person's scope (other modules cite problems by it). */
	@Transactional(readOnly = true)
	public Optional<Problem> byLedgerNo(String ledgerNo, CurrentUser user) {
		return problems.findByLedgerNo(ledgerNo.trim(), user.scope());
	}

	@Transactional(readOnly = true)
	public Detail detail(long id, CurrentUser user) {
		Problem problem = get(id, user);
		Set<Party> parties = access.parties(problem, user);
		List<Milestone> milestones = problems.milestones(id);
		List<Summons> summonses = work.summonses(id);
		List<Problem> children = problems.children(id);
		Set<ProblemAction> allowed = EnumSet.noneOf(ProblemAction.class);
		ProblemRules.TABLE.keySet().stream()
			.filter(action -> ProblemRules.allows(action, problem.state(), parties))
			.forEach(allowed::add);
		narrow(allowed, problem, parties, milestones, summonses, children, user);
		return new Detail(problem, problems.timeline(id, false), milestones, work.attachments(id), work.supervisions(id),
				summonses, children, problems.attributes(List.of(id)).getOrDefault(id, Map.of()), parties, allowed,
				problems.origin(id).orElse(null));
	}

	/**
	 * Leaves out what the table allows but the command would still refuse now, so that a page
	 * offers only what can be done: a recognition the person's side has already given, a review
	 * with none open, a report-in already made or an action before it, a submission with
	 * milestones or children open, a summons from a unit that is not a street or has no
	 * departments to call, a delegation or split with no unit below, an escalation with no unit above.
	 */
	private void narrow(Set<ProblemAction> allowed, Problem problem, Set<Party> parties, List<Milestone> milestones,
			List<Summons> summonses, List<Problem> children, CurrentUser user) {
		if (!problem.reviewOpen()) {
			allowed.remove(ProblemAction.REVIEW);
		}
		boolean raising = parties.contains(Party.RAISING_SIDE) && problem.raisingRecognizedAt() == null;
		boolean responsible = parties.contains(Party.RESPONSIBLE_SIDE) && problem.responsibleRecognizedAt() == null;
		if (!raising && !responsible) {
			allowed.remove(ProblemAction.RECOGNIZE);
		}
		Optional<Summons.Department> ours = summonses.stream()
			.filter(summons -> summons.closedAt() == null)
			.flatMap(summons -> summons.departments().stream())
			.filter(department -> department.unitPath().equals(user.unitPath()) && department.actedAt() == null)
			.findFirst();
		if (ours.isEmpty() || ours.get().reportedAt() != null) {
			allowed.remove(ProblemAction.REPORT_IN);
		}
		if (ours.isEmpty() || ours.get().reportedAt() == null) {
			allowed.remove(ProblemAction.ACT_ON_SUMMONS);
		}
		boolean milestonesOpen = milestones.stream().anyMatch(milestone -> milestone.doneAt() == null);
		if (!milestonesOpen) {
			allowed.remove(ProblemAction.COMPLETE_MILESTONE);
		}
		if (milestonesOpen || children.stream().anyMatch(child -> child.state().isOpen())) {
			allowed.remove(ProblemAction.SUBMIT);
		}
		if (allowed.contains(ProblemAction.SUMMON) && summonable(user).isEmpty()) {
			allowed.remove(ProblemAction.SUMMON);
		}
		if ((allowed.contains(ProblemAction.DELEGATE) || allowed.contains(ProblemAction.SPLIT))
				&& below(problem, user).isEmpty()) {
			allowed.remove(ProblemAction.DELEGATE);
			allowed.remove(ProblemAction.SPLIT);
		}
		if (allowed.contains(ProblemAction.ESCALATE)
				&& units.get(problem.holderUnitId(), DataScope.CITY).parentId() == null) {
			allowed.remove(ProblemAction.ESCALATE);
		}
	}

	/** The units below the handling unit that a delegation or split may name, within the person's scope. */
	@Transactional(readOnly = true)
	public List<Unit> below(Problem problem, CurrentUser user) {
		return user.scope().covers(problem.handlingUnitPath())
				? units.children(problem.handlingUnitId(), user.scope(), 0) : List.of();
	}

	/** The departments a person's street may summon: those of its district; none for any other unit. */
	@Transactional(readOnly = true)
	public List<Unit> summonable(CurrentUser user) {
		Unit mine = units.get(user.unitId(), DataScope.CITY);
		if (mine.level() != UnitLevel.STREET || mine.kind() == UnitKind.DEPARTMENT || mine.parentId() == null) {
			return List.of();
		}
		return units.children(mine.parentId(), DataScope.CITY, 0)
			.stream()
			.filter(unit -> unit.kind() == UnitKind.DEPARTMENT)
			.toList();
	}

	/** Problems waiting for the person's own unit, overdue first, then by deadline. */
	@Transactional(readOnly = true)
	public Page queue(CurrentUser user, int page) {
		SqlCondition queue = ProblemSearch.queue(user.unitPath());
		int offset = Math.max(page, 0) * PAGE_SIZE;
		String where = " from problem p where " + queue.sql();
		List<Problem> items = problems.list("select " + columns() + where + order() + limit(offset), queue.params());
		return new Page(items, problems.count(capped("select 1" + where), queue.params()), Math.max(page, 0), PAGE_SIZE);
	}

	@Transactional(readOnly = true)
	public Page search(ProblemFilter filter, CurrentUser user, int page) {
		int offset = Math.max(page, 0) * PAGE_SIZE;
		Optional<ProblemSearch.PartySearch> parties = ProblemSearch.onParties(filter, user.scope());
		if (parties.isPresent()) {
			ProblemSearch.Query query = pageFromParties(parties.get(), user.scope(), offset);
			return new Page(problems.list(query.sql(), query.params()), countParties(parties.get().where()),
					Math.max(page, 0), PAGE_SIZE);
		}
		SqlCondition where = ProblemSearch.where(filter, user.scope(), unitPrefix(filter, user));
		return new Page(problems.list(ProblemSearch.select(where) + limit(offset), where.params()),
				count(filter, user, where), Math.max(page, 0), PAGE_SIZE);
	}

	/**
	 * The search with the figures' conditions as well (the problems behind a dashboard number).
	 * Those conditions are not on the party rows, so this walks {@code problem} in the lists'
	 * order within scope, as a search with other filters does.
	 */
	@Transactional(readOnly = true)
	public Page search(ProblemFilter filter, ProblemConditions conditions, CurrentUser user, int page) {
		if (conditions.equals(ProblemConditions.NONE)) {
			return search(filter, user, page);
		}
		int offset = Math.max(page, 0) * PAGE_SIZE;
		SqlCondition where = ProblemSearch.where(filter, conditions, user.scope(), unitPrefix(filter, user));
		return new Page(problems.list(ProblemSearch.select(where) + limit(offset), where.params()),
				problems.count(capped("select 1 from problem p where " + where.sql()), where.params()),
				Math.max(page, 0), PAGE_SIZE);
	}

	/** Streams every problem the filter finds within scope, for the ledger export. */
	@Transactional(readOnly = true)
	public void export(ProblemFilter filter, CurrentUser user, Consumer<Problem> sink) {
		SqlCondition where = ProblemSearch.where(filter, user.scope(), unitPrefix(filter, user));
		problems.stream(ProblemSearch.select(where), where.params(), sink);
	}

	/** The public ledger of a unit's subtree, 50 a page: duplicates left out, no personal data. */
	@Transactional(readOnly = true)
	public List<LedgerLine> ledger(String unitCode, int page) {
		return ledger(unitCode, LedgerFilter.NONE, page).lines();
	}

	/**
	 * The public ledger of a unit's subtree, filtered, 50 a page: duplicates left out, no personal
	 * data, titles only where public. An area outside the ledger's unit finds nothing.
	 */
	@Transactional(readOnly = true)
	public LedgerPage ledger(String unitCode, LedgerFilter filter, int page) {
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		int shown = Math.max(page, 0);
		List<String> terms = new java.util.ArrayList<>(
				List.of("coalesce(p.responsible_unit_path, p.handling_unit_path) like :prefix", "p.duplicate_of is null"));
		Map<String, Object> params = new java.util.HashMap<>(Map.of("prefix", unit.path() + "%"));
		if (filter.state() != null) {
			terms.add("p.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
			terms.add("p.category_code = :category");
			params.put("category", filter.categoryCode());
		}
		if (filter.areaCode() != null && !filter.areaCode().isBlank()) {
			Optional<Unit> area = units.findByCode(filter.areaCode().trim(), DataScope.CITY)
				.filter(found -> found.path().startsWith(unit.path()));
			if (area.isEmpty()) {
				return new LedgerPage(List.of(), shown, false, List.of());
			}
			terms.add("coalesce(p.location_unit_path, p.responsible_unit_path, p.handling_unit_path) like :area");
			params.put("area", area.get().path() + "%");
		}
		List<Problem> found = problems.list("select " + columns() + " from problem p where " + String.join(" and ", terms)
				+ " order by p.created_at desc, p.id desc" + limit(LEDGER_PAGE_SIZE + 1, shown * LEDGER_PAGE_SIZE), params);
		List<LedgerLine> lines = found.stream()
			.limit(LEDGER_PAGE_SIZE)
			.map(problem -> new LedgerLine(problem.ledgerNo(), problem.categoryCode(), problem.locationUnitId(),
					problem.state(), problem.deadline(), problem.closedAt(), problem.titlePublic() ? problem.title() : null))
			.toList();
		List<LedgerPoint> points = found.stream()
			.limit(LEDGER_PAGE_SIZE)
			.map(LedgerPoint::of)
			.flatMap(Optional::stream)
			.toList();
		return new LedgerPage(lines, shown, found.size() > LEDGER_PAGE_SIZE, points);
	}

	@Transactional(readOnly = true)
	public Optional<Tracking> track(String code) {
		return problems.findByTrackingHash(ProblemCommandSupport.trackingLookups(code)).map(this::tracking);
	}

	/** A report the person filed while signed in, by its ledger number: nobody else's (scope SELF). */
	@Transactional(readOnly = true)
	public Optional<Tracking> trackOwn(String ledgerNo, CurrentUser user) {
		return problems.findReportedBy(ledgerNo.trim(), user.accountId()).map(this::tracking);
	}

	/** The reports the person filed while signed in, newest first, 20 a page: only their own (scope SELF). */
	@Transactional(readOnly = true)
	public OwnReports ownReports(CurrentUser user, int page) {
		int shown = Math.max(page, 0);
		List<Problem> found = problems.reportedBy(user.accountId(), PAGE_SIZE + 1, shown * PAGE_SIZE);
		return new OwnReports(found.stream().limit(PAGE_SIZE).toList(), shown, found.size() > PAGE_SIZE);
	}

	/** A file staff marked public on the problem a tracking code follows; anything else is not found. */
	@Transactional(readOnly = true)
	public AttachmentFile publicFile(String code, long attachmentId) {
		Problem problem = problems.findByTrackingHash(ProblemCommandSupport.trackingLookups(code))
			.orElseThrow(() -> new NotFoundException("problem", "tracking code"));
		return publicFile(problem, attachmentId);
	}

	/** A file staff marked public on one of the person's own reports; anything else is not found. */
	@Transactional(readOnly = true)
	public AttachmentFile ownPublicFile(String ledgerNo, long attachmentId, CurrentUser user) {
		Problem problem = problems.findReportedBy(ledgerNo.trim(), user.accountId())
			.orElseThrow(() -> new NotFoundException("problem", ledgerNo));
		return publicFile(problem, attachmentId);
	}

	private AttachmentFile publicFile(Problem problem, long attachmentId) {
		Problem shown = followed(problem);
		var stored = work.attachment(shown.id(), attachmentId)
			.filter(file -> file.attachment().filePublic())
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		return new AttachmentFile(stored.attachment(), files.path(stored.storageKey()));
	}

	/** A linked report follows the original's progress, but only while the original's title is public. */
	private Problem followed(Problem problem) {
		return problem.duplicateOf() == null ? problem
				: problems.find(problem.duplicateOf(), DataScope.CITY).filter(Problem::titlePublic).orElse(problem);
	}

	private Tracking tracking(Problem problem) {
		Optional<Problem> original = problem.duplicateOf() == null ? Optional.empty()
				: problems.find(problem.duplicateOf(), DataScope.CITY);
		String duplicateOf = original.map(Problem::ledgerNo).orElse(null);
		Problem shown = followed(problem);
		boolean evaluated = problem.evaluatedAt() != null && problem.closedAt() != null
				&& problem.evaluatedAt().isAfter(problem.closedAt());
		// a linked report's own refusal says "merged", not the internal reason
		boolean linked = shown.id() == problem.id() && problem.duplicateOf() != null;
		List<PublicStep> timeline = problems.timeline(shown.id(), true)
			.stream()
			.map(entry -> PublicStep.of(entry, linked && entry.action() == ProblemAction.DECLINE))
			.toList();
		String measures = timeline.stream()
			.filter(step -> step.action() == ProblemAction.START && step.reason() != null)
			.reduce((first, second) -> second)
			.map(PublicStep::reason)
			.orElse(null);
		List<PublicStep> notes = timeline.stream()
			.filter(step -> step.action() == ProblemAction.NOTE && step.reason() != null)
			.sorted(java.util.Comparator.comparing(PublicStep::id).reversed())
			.toList();
		Map<Long, Unit> named = units.byIds(shown.locationUnitId() == null ? List.of(shown.holderUnitId())
				: List.of(shown.holderUnitId(), shown.locationUnitId()));
		Unit place = shown.locationUnitId() == null ? null : named.get(shown.locationUnitId());
		return new Tracking(problem.ledgerNo(), problem.title(), problem.categoryCode(), shown.state(),
				problem.createdAt(), shown.deadline(), shown.closedAt(), problem.evaluation(), duplicateOf, timeline,
				problem.state() == ProblemState.CLOSED && !evaluated, PublicUnit.of(named.get(shown.holderUnitId())),
				shown.responsibleUnitId() != null, place == null ? null : PublicUnit.of(place), shown.districtCode(),
				measures, notes, work.publicAttachments(shown.id()).stream().map(PublicFile::of).toList());
	}

	/** Residents' reports whose titles are public, for public readers (Open311), newest first, without personal data. */
	@Transactional(readOnly = true)
	public List<PublicRequest> publicRequests(PublicQuery query) {
		List<String> terms = new java.util.ArrayList<>(List.of("p.source = 'RESIDENT'", "p.title_public = true"));
		Map<String, Object> params = new java.util.HashMap<>();
		if (!query.ledgerNos().isEmpty()) {
			terms.add("p.ledger_no in (:ledgerNos)");
			params.put("ledgerNos", query.ledgerNos());
		}
		else {
			if (!query.categoryCodes().isEmpty()) {
				terms.add("p.category_code in (:categories)");
				params.put("categories", query.categoryCodes());
			}
			if (query.from() != null) {
				terms.add("p.created_at >= :from");
				params.put("from", org.grassroots.shared.Times.utc(query.from()));
			}
			if (query.to() != null) {
				terms.add("p.created_at <= :to");
				params.put("to", org.grassroots.shared.Times.utc(query.to()));
			}
			if (query.closed() != null) {
				terms.add(query.closed() ? "p.state in ('CLOSED', 'DECLINED')" : "p.state not in ('CLOSED', 'DECLINED')");
			}
		}
		List<Problem> found = problems.list("select " + columns() + " from problem p where " + String.join(" and ", terms)
				+ " order by p.created_at desc, p.id desc" + limit(query.limit(), query.offset()), params);
		List<Long> ids = found.stream().map(Problem::id).toList();
		Map<Long, TimelineEntry> latest = problems.latestPublicEntries(ids);
		Map<Long, Map<String, List<String>>> attributes = problems.attributes(ids);
		return found.stream()
			.map(problem -> new PublicRequest(problem,
					latest.containsKey(problem.id())
							? PublicStep.of(latest.get(problem.id()), problem.duplicateOf() != null) : null,
					attributes.getOrDefault(problem.id(), Map.of())))
			.toList();
	}

	/** The public steps of residents' reports after a time, oldest first, each with its ledger number. */
	@Transactional(readOnly = true)
	public List<Map.Entry<String, PublicStep>> publicUpdates(Instant since, @Nullable Instant until, int limit) {
		return problems.publicEntriesSince(since, until, limit)
			.stream()
			.map(entry -> Map.entry(entry.ledgerNo(), PublicStep.of(entry.entry(), entry.duplicate())))
			.toList();
	}

	/** Open problems of the same category in the same community, shown before a report is saved. */
	@Transactional(readOnly = true)
	public List<Problem> possibleDuplicates(long locationUnitId, String categoryCode) {
		return problems.openInCommunity(locationUnitId, categoryCode);
	}

	@Transactional(readOnly = true)
	public List<Category> categories() {
		return work.categories();
	}

	/** The newest notices to the person's unit, at most 100: all, only those to do, or only those done. */
	@Transactional(readOnly = true)
	public List<Notice> inbox(CurrentUser user, @Nullable Boolean done) {
		return notices.inbox(user.unitPath(), user.accountId(), user.scope(), done, 100);
	}

	/** How many notices to the person's unit still need doing: the inbox badge. */
	@Transactional(readOnly = true)
	public int pending(CurrentUser user) {
		return notices.pending(user.unitPath(), user.accountId(), user.scope());
	}

	@Transactional(readOnly = true)
	public int unread(CurrentUser user) {
		return notices.unread(user.unitPath(), user.accountId());
	}

	@Transactional
	public void markInboxRead(CurrentUser user) {
		notices.markAllRead(user.unitPath(), user.accountId(), java.time.Instant.now());
	}

	/** An attachment's metadata and file, only when its problem is in the person's scope. */
	@Transactional(readOnly = true)
	public AttachmentFile attachment(long problemId, long attachmentId, CurrentUser user) {
		get(problemId, user);
		var stored = work.attachment(problemId, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		return new AttachmentFile(stored.attachment(), files.path(stored.storageKey()));
	}

	/** An attachment with where its bytes are. */
	public record AttachmentFile(Attachment attachment, java.nio.file.Path file) {

	}

	/** The units that lists and pages name, by id. */
	@Transactional(readOnly = true)
	public Map<Long, Unit> unitsOf(java.util.Collection<Problem> shown) {
		var ids = new java.util.HashSet<Long>();
		for (Problem problem : shown) {
			ids.add(problem.handlingUnitId());
			ids.add(problem.raisingUnitId());
			addIfPresent(ids, problem.responsibleUnitId());
			addIfPresent(ids, problem.locationUnitId());
			addIfPresent(ids, problem.raisingSideUnitId());
			addIfPresent(ids, problem.responsibleSideUnitId());
		}
		return units.byIds(ids);
	}

	@Transactional(readOnly = true)
	public Map<Long, Unit> unitsOfIds(java.util.Collection<Long> ids) {
		return units.byIds(ids);
	}

	private static void addIfPresent(java.util.Set<Long> ids, @Nullable Long id) {
		if (id != null) {
			ids.add(id);
		}
	}

	private String unitPrefix(ProblemFilter filter, CurrentUser user) {
		if (filter.unitCode() == null || filter.unitCode().isBlank()) {
			return "";
		}
		return units.getByCode(filter.unitCode().trim(), user.scope()).path();
	}

	private static String columns() {
		return ProblemSearch.columns();
	}

	private static String order() {
		return ProblemSearch.order();
	}

	/**
	 * Counts up to the cap. Without filters the scope alone decides, so the count reads at most a
	 * window of the scope's party index range instead of probing every problem; a full window
	 * means more than the cap.
	 */
	private long count(ProblemFilter filter, CurrentUser user, SqlCondition where) {
		if (filter.equals(ProblemFilter.NONE) && !user.scope().all()) {
			return countParties(user.scope().on("pp.unit_path", "vis"));
		}
		return problems.count(capped("select 1 from problem p where " + where.sql()), where.params());
	}

	/**
	 * Each unit's rows apart where the database can and the scope has few units; the ranges when
	 * they hold only the matches (category and state), or on H2.
	 */
	private ProblemSearch.Query pageFromParties(ProblemSearch.PartySearch search, DataScope scope, int offset) {
		Optional<List<String>> paths = database.postgres() && !search.matchesOnly()
				? units.paths(scope, MAX_UNITS_APART) : Optional.empty();
		return paths.map(unitPaths -> ProblemSearch.pageFromUnits(search, unitPaths, offset))
			.orElseGet(() -> ProblemSearch.pageFromRanges(search, offset));
	}

	/**
	 * Counts the problems behind matching party rows, reading a window of them: first just over
	 * the cap, which settles most scopes (one unit's rows are distinct problems), then a wider one.
	 * A full wide window means more than the cap, as a problem has few parties in one scope.
	 */
	private long countParties(SqlCondition parties) {
		for (int window : new int[] { COUNT_LIMIT + 1, PARTY_WINDOW }) {
			long[] rowsAndProblems = problems.rowsAndProblems("select count(*), count(distinct problem_id) from"
					+ " (select pp.problem_id from problem_party pp where " + parties.sql() + " fetch first " + window
					+ " rows only) scoped", parties.params());
			if (rowsAndProblems[1] > COUNT_LIMIT || rowsAndProblems[0] < window) {
				return Math.min(rowsAndProblems[1], COUNT_LIMIT + 1);
			}
		}
		return COUNT_LIMIT + 1;
	}

	private static String capped(String select) {
		return "select count(*) from (" + select + " limit " + (COUNT_LIMIT + 1) + ") counted";
	}

	private static String limit(int offset) {
		return limit(PAGE_SIZE, offset);
	}

	private static String limit(int size, int offset) {
		return " limit " + size + " offset " + offset;
	}

}
