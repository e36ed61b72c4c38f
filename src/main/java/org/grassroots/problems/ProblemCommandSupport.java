package org.grassroots.problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.grassroots.problems.internal.Categories;
import org.grassroots.problems.internal.NoticeRepository;
import org.grassroots.problems.internal.ProblemMessages;
import org.grassroots.problems.internal.ProblemAccess;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps every problem command shares: loading in scope, the permission table, the versioned
 * update with its timeline entry and event, new problem rows, files and notices. Package-private
 * so that only the command services of this package write problems; it joins their transaction.
 */
@Component
class ProblemCommandSupport {

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final UnitManagement units;

	private final ProblemAccess access;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NoticeRepository notices;

	private final Categories categories;

	private final ProblemMessages messages;

	ProblemCommandSupport(ProblemRepository problems, WorkRepository work, UnitManagement units, ProblemAccess access,
			FileStore files, ApplicationEventPublisher events, Clock clock, NoticeRepository notices,
			Categories categories, ProblemMessages messages) {
		this.messages = messages;
		this.notices = notices;
		this.categories = categories;
		this.problems = problems;
		this.work = work;
		this.units = units;
		this.access = access;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Loads the problem within the person's scope (404 outside it), checks the permission table
	 * and the version, applies the changes and records the timeline, audit and event.
	 */
	Problem transition(long id, ProblemAction action, int version, CurrentUser user, @Nullable String note,
			boolean publicEntry, Function<Problem, Map<String, @Nullable Object>> changes) {
		// a reopen is the review command's other branch, so it is allowed by REVIEW's row
		Problem before = permitted(id, action == ProblemAction.REOPEN ? ProblemAction.REVIEW : action, user);
		if (before.version() != version) {
			throw DomainException.staleVersion();
		}
		Map<String, @Nullable Object> update = changes.apply(before);
		ProblemState to = (ProblemState) update.get("state");
		Instant now = clock.instant();
		update.put("state", to.name());
		if (!problems.update(id, version, update, now)) {
			throw DomainException.staleVersion();
		}
		Unit actorUnit = unit(user.unitId());
		problems.insertEvent(id, action, before.state(), to, user.displayName(), actorUnit, blankToNull(note),
				publicEntry, now);
		Problem after = reload(id);
		events.publishEvent(new ProblemChanged(action, before, after, blankToNull(note), null));
		messageReporter(before, after);
		if (after.state() == ProblemState.CLOSED && before.state() != ProblemState.CLOSED) {
			problems.insertEvent(id, ProblemAction.CLOSE, to, to, user.displayName(), actorUnit, null, true, now);
			closeParentIfDone(after);
		}
		return after;
	}

	/** A message to the resident who reported with a phone, if they did; {@code code} with the first only. */
	void messageReporter(String kind, Problem problem, @Nullable String code) {
		messages.toReporter(kind, problem, code);
	}

	/** The resident rated: the reminder to rate, if still waiting, is withdrawn. */
	void messageRated(Problem problem) {
		messages.rated(problem);
	}

	/** A summons to departments, as SMS and e-mail to their staff. */
	void messageSummoned(Problem problem, List<String> unitPaths, long summonsId, boolean emergency) {
		messages.summoned(problem, unitPaths, summonsId, emergency);
	}

	/** The resident who reported with a phone hears when their report is accepted and when it is closed. */
	private void messageReporter(Problem before, Problem after) {
		if (after.source() != ProblemSource.RESIDENT || before.state() == after.state()) {
			return;
		}
		if (after.state() == ProblemState.ACCEPTED) {
			messages.toReporter("PROBLEM_ACCEPTED", after, null);
		}
		else if (after.state() == ProblemState.CLOSED) {
			messages.closedToReporter(after);
		}
	}

	/** When the last child closes, a parent whose own rectification both sides recognized closes too. */
	private void closeParentIfDone(Problem child) {
		if (child.parentId() == null || problems.openChildren(child.parentId()) > 0) {
			return;
		}
		Problem parent = reload(child.parentId());
		if (parent.state() == ProblemState.SUBMITTED && parent.raisingRecognizedAt() != null
				&& parent.responsibleRecognizedAt() != null) {
			Instant now = clock.instant();
			if (problems.update(parent.id(), parent.version(), changes("state", ProblemState.CLOSED.name(), "closed_at",
					now, "supervised", false), now)) {
				problems.insertEvent(parent.id(), ProblemAction.CLOSE, parent.state(), ProblemState.CLOSED, TimelineEntry.SYSTEM, null,
						child.ledgerNo(), true, now);
				work.resolveSupervisions(parent.id(), now);
				events.publishEvent(new ProblemChanged(ProblemAction.CLOSE, parent, reload(parent.id()), null, TimelineEntry.SYSTEM));
			}
		}
	}

	/** The problem within the person's scope, once the permission table allows them the action. */
	Problem permitted(long id, ProblemAction action, CurrentUser user) {
		Problem problem = get(id, user);
		ProblemRules.check(action, problem.state(), access.parties(problem, user));
		return problem;
	}

	/**
	 * Records a step that leaves the state as it is (an attachment, a summons and its steps): an
	 * internal timeline entry and the event that the audit log and the dashboard read.
	 */
	void recordStep(Problem problem, ProblemAction action, CurrentUser user, Unit actorUnit, String entry,
			@Nullable String detail, Instant at) {
		problems.insertEvent(problem.id(), action, problem.state(), problem.state(), user.displayName(), actorUnit, entry,
				false, at);
		events.publishEvent(new ProblemChanged(action, problem, problem, detail, null));
	}

	Set<Party> parties(Problem problem, CurrentUser user) {
		return access.parties(problem, user);
	}

	Problem get(long id, CurrentUser user) {
		return problems.find(id, user.scope()).orElseThrow(() -> new NotFoundException("problem", id));
	}

	Problem reload(long id) {
		return problems.find(id, DataScope.CITY).orElseThrow(() -> new NotFoundException("problem", id));
	}

	Unit unit(long id) {
		return units.get(id, DataScope.CITY);
	}

	/**
	 * A unit named in a command, when it fits the command. One that does not fit is named in the
	 * refusal only when the person may see it; an unknown one or one outside the scope answers
	 * alike that the unit is not available, without its name.
	 */
	Unit named(long unitId, CurrentUser user, Predicate<Unit> fits, String refusal) {
		Unit unit = units.byIds(List.of(unitId)).get(unitId);
		if (unit != null && fits.test(unit)) {
			return unit;
		}
		if (unit != null && user.scope().covers(unit.path())) {
			throw DomainException.invalid(refusal, unit.nameZh());
		}
		throw DomainException.invalid("problems.error.unit-unavailable");
	}

	Unit parentOf(Unit unit) {
		if (unit.parentId() == null) {
			throw DomainException.conflict("problems.error.no-upper-unit");
		}
		return unit(unit.parentId());
	}

	Category category(String code) {
		return categories.find(code).orElseThrow(() -> DomainException.invalid("problems.error.unknown-category", code));
	}

	void checkFuture(Instant deadline) {
		if (!deadline.isAfter(clock.instant())) {
			throw DomainException.invalid("problems.error.deadline-past");
		}
	}

	/** The columns every new problem starts with; the caller adds what its channel knows. */
	Map<String, @Nullable Object> newRow(Unit raising, Unit handling, @Nullable Unit location, ProblemSource source,
			Category category, Instant now) {
		List<String> codes = handling.pathCodes();
		String district = codes.size() > 1 ? codes.get(1) : codes.get(0);
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("source", source.name());
		row.put("category_code", category.code());
		row.put("state", ProblemState.REPORTED.name());
		row.put("district_code", district);
		row.put("raising_unit_id", raising.id());
		row.put("raising_unit_path", raising.path());
		row.put("handling_unit_id", handling.id());
		row.put("handling_unit_path", handling.path());
		row.put("location_unit_id", location == null ? null : location.id());
		row.put("location_unit_path", location == null ? null : location.path());
		row.put("response_due", now.plus(Duration.ofHours(category.responseHours())));
		row.put("created_at", now);
		row.put("updated_at", now);
		return row;
	}

	/**
	 * Inserts a new problem and its first parties (the units that may see it from the start) in two
	 * statements, and answers the problem as stored: its ledger number is the district, the year
	 * and the next number of the ledger sequence, taken inside the insert.
	 */
	Problem insert(Map<String, @Nullable Object> row, Unit raising, @Nullable Unit location) {
		Instant created = (Instant) row.get("created_at");
		String prefix = row.get("district_code") + "-" + created.atZone(Times.ZONE).getYear() + "-";
		row.replaceAll((key, value) -> value instanceof Instant at ? Times.utc(at) : value);
		Problem problem = problems.insertNew(row, prefix);
		List<String> parties = new java.util.ArrayList<>(List.of(problem.handlingUnitPath(), raising.path()));
		if (location != null) {
			parties.add(location.path());
		}
		problems.addParties(problem, parties);
		return problem;
	}

	/** Announces a new problem (a report, a registration or a child of a split) as it was inserted. */
	Problem reported(Problem created, @Nullable String actor) {
		events.publishEvent(new ProblemReported(created, actor));
		return created;
	}

	/** Announces a new problem that the command changed after its insert, as it is now. */
	Problem reported(long id, @Nullable String actor) {
		return reported(reload(id), actor);
	}

	long store(long problemId, String purpose, Upload upload, String by, Instant at) {
		return store(problemId, purpose, upload, by, at, false);
	}

	/** @param filePublic whether the resident's tracking page shows the file: staff decide, at upload or later */
	long store(long problemId, String purpose, Upload upload, String by, Instant at, boolean filePublic) {
		FileStore.Stored stored = files.store(upload);
		String name = upload.fileName().isBlank() ? "file" : upload.fileName();
		return work.insertAttachment(problemId, purpose, name.length() > 255 ? name.substring(0, 255) : name,
				stored.contentType(), stored.size(), stored.sha256(), stored.storageKey(), by, at, filePublic);
	}

	/**
	 * Writes notices to units in the command's own transaction: one statement per unit, none
	 * through the event registry, and a notice exactly when the command commits (issue 19).
	 */
	void notice(String kind, Problem problem, List<String> unitPaths, String key) {
		Instant now = clock.instant();
		for (String unitPath : unitPaths) {
			notices.insert(unitPath, kind, problem.id(), kind + ":" + problem.id() + ":" + key + "@" + unitPath, now);
		}
		messages.toStaff(kind, problem, unitPaths, kind + ":" + key);
	}

	/** A notice to the unit holding the problem now, once per version of it. */
	void noticeHolder(String kind, Problem problem) {
		notice(kind, problem, List.of(problem.holderUnitPath()), String.valueOf(problem.version()));
	}

	static void clearRecognition(Map<String, @Nullable Object> changes) {
		changes.put("raising_recognized_by", null);
		changes.put("raising_recognized_at", null);
		changes.put("responsible_recognized_by", null);
		changes.put("responsible_recognized_at", null);
	}

	static Map<String, @Nullable Object> changes(Object... keysAndValues) {
		Map<String, @Nullable Object> changes = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			changes.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return changes;
	}

	static String required(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid("problems.error.reason-required", field);
		}
		return text.trim();
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/**
	 * Tracking codes are stored only as a hash with the configured algorithms (SHA-256 or SM3),
	 * upper-cased so a code typed in lower case still matches.
	 */
	static String trackingHash(CryptoSuite suite, String code) {
		return suite.hash(code.toUpperCase(java.util.Locale.ROOT));
	}

	/** The hashes a tracking code may be stored under, whichever algorithms were configured when it was made. */
	static List<String> trackingLookups(String code) {
		return CryptoSuite.STANDARD.hashesOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
