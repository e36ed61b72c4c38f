package org.grassroots.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.cases.internal.CaseJournal;
import org.grassroots.cases.internal.CaseRepository;
import org.grassroots.problems.Category;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PlainText;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing typical cases: a unit office writes one up from a closed problem (or a completed measure),
 * edits it while it is a draft or returned, adds photos, submits it to its upper unit, or withdraws it.
 */
@Service
public class CaseWriting {

	/** Photos a case may hold: enough for before, during and after. */
	public static final int MAX_PHOTOS = 9;

	private final CaseRepository cases;

	private final ProblemViews problems;

	private final MeasureSource measures;

	private final FileStore files;

	private final InputCheck input;

	private final CaseJournal journal;

	private final Clock clock;

	CaseWriting(CaseRepository cases, ProblemViews problems, MeasureSource measures, FileStore files,
			InputCheck input, CaseJournal journal, Clock clock) {
		this.cases = cases;
		this.problems = problems;
		this.measures = measures;
		this.files = files;
		this.input = input;
		this.journal = journal;
		this.clock = clock;
	}

	/** What a case is written up from, as the case keeps it. */
	private record Source(long id, String ref, String categoryCode) {

	}

	/**
	 * A new draft by the person's unit. Everything is checked before anything is written: the
	 * photos, the source (in scope, and closed or completed) and the category.
	 */
	@Transactional
	public TypicalCase write(CaseCommands.Write command, List<Upload> photos, CurrentUser user) {
		input.check(command);
		if (!CaseRules.writes(user)) {
			throw DomainException.forbidden("cases.error.not-office");
		}
		checkPhotos(photos, 0);
		Source source = source(command.sourceKind(), command.sourceId(), user);
		CaseReach reach = CaseRules.topUnit(user.unitPath()) ? CaseReach.CITY
				: command.reach() == null ? CaseReach.SUBTREE : command.reach();
		var fields = fields(command.title(), command.categoryCode(), source.categoryCode(), command.background(),
				command.actions(), command.result(), command.lessons(), reach);
		Instant now = clock.instant();
		long id = cases.insert(fields, command.sourceKind(), source.id(), source.ref(), user.unitId(), user.unitPath(),
				user.getUsername(), now);
		store(id, photos, user, now);
		return journal.changed(CaseAction.WRITE, null, cases.find(id).orElseThrow());
	}

	@Transactional
	public TypicalCase edit(long id, CaseCommands.Edit command, CurrentUser user) {
		input.check(command);
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.EDIT, before.state(), CaseRules.parties(before, user));
		CaseReach reach = CaseRules.topUnit(before.unitPath()) ? CaseReach.CITY
				: command.reach() == null ? before.reach() : command.reach();
		var fields = fields(command.title(), command.categoryCode(), before.categoryCode(), command.background(),
				command.actions(), command.result(), command.lessons(), reach);
		if (!cases.edit(id, command.version(), fields, clock.instant())) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.EDIT, before, cases.find(id).orElseThrow());
	}

	@Transactional
	public TypicalCase addPhotos(long id, int version, List<Upload> photos, CurrentUser user) {
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.ADD_PHOTO, before.state(), CaseRules.parties(before, user));
		if (photos.isEmpty()) {
			throw DomainException.invalid("cases.error.no-photo");
		}
		checkPhotos(photos, cases.photoCount(id));
		Instant now = clock.instant();
		if (!cases.touch(id, version, now)) {
			throw DomainException.staleVersion();
		}
		store(id, photos, user, now);
		return journal.changed(CaseAction.ADD_PHOTO, before, cases.find(id).orElseThrow());
	}

	/**
	 * Sends the case to the upper unit. The city office has no upper unit: its own case is
	 * published as it submits it.
	 */
	@Transactional
	public TypicalCase submit(long id, CaseCommands.Step command, CurrentUser user) {
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.SUBMIT, before.state(), CaseRules.parties(before, user));
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("submitted_at", now);
		changes.put("return_reason", null);
		if (CaseRules.topUnit(before.unitPath())) {
			changes.put("state", CaseState.PUBLISHED);
			changes.put("decided_by", user.getUsername());
			changes.put("decided_at", now);
			changes.put("published_at", now);
		}
		else {
			changes.put("state", CaseState.SUBMITTED);
		}
		if (!cases.move(id, command.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.SUBMIT, before, cases.find(id).orElseThrow());
	}

	/** Takes a submitted or published case back out of the library; it stays on record. */
	@Transactional
	public TypicalCase withdraw(long id, CaseCommands.Step command, CurrentUser user) {
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.WITHDRAW, before.state(), CaseRules.parties(before, user));
		Instant now = clock.instant();
		if (!cases.move(id, command.version(), Map.of("state", CaseState.WITHDRAWN), now)) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.WITHDRAW, before, cases.find(id).orElseThrow());
	}

	private TypicalCase visible(long id, CurrentUser user) {
		return cases.find(id, user).orElseThrow(() -> new NotFoundException("typical case", id));
	}

	private Source source(CaseSource kind, long sourceId, CurrentUser user) {
		if (kind == CaseSource.MEASURE) {
			MeasureSource.Measure measure = measures.find(sourceId, user)
				.orElseThrow(() -> new NotFoundException("work measure", sourceId));
			if (!measure.completed()) {
				throw DomainException.invalid("cases.error.measure-not-completed", measure.title());
			}
			return new Source(measure.id(), String.valueOf(measure.id()),
					measure.categoryCode() == null ? "OTHER" : measure.categoryCode());
		}
		Problem problem = problems.get(sourceId, user);
		if (problem.state() != ProblemState.CLOSED) {
			throw DomainException.invalid("cases.error.problem-not-closed", problem.ledgerNo());
		}
		return new Source(problem.id(), problem.ledgerNo(), problem.categoryCode());
	}

	private CaseRepository.Fields fields(String title, @Nullable String categoryCode, String defaultCategory,
			String background, String actions, String result, @Nullable String lessons, CaseReach reach) {
		String category = categoryCode == null || categoryCode.isBlank() ? defaultCategory : categoryCode.trim();
		if (problems.categories().stream().map(Category::code).noneMatch(category::equals)) {
			throw DomainException.invalid("cases.error.category", category);
		}
		return new CaseRepository.Fields(required(PlainText.line(title)), category, required(PlainText.lines(background)),
				required(PlainText.lines(actions)), required(PlainText.lines(result)), PlainText.lines(lessons), reach);
	}

	private static String required(@Nullable String text) {
		if (text == null) {
			throw DomainException.invalid("cases.error.blank");
		}
		return text;
	}

	private static void checkPhotos(List<Upload> photos, int already) {
		if (already + photos.size() > MAX_PHOTOS) {
			throw DomainException.invalid("cases.error.too-many-photos", MAX_PHOTOS);
		}
		for (Upload photo : photos) {
			if (!FileStore.check(photo).startsWith("image/")) {
				throw DomainException.invalid("cases.error.photo-type", photo.fileName());
			}
		}
	}

	private void store(long id, List<Upload> photos, CurrentUser user, Instant now) {
		for (Upload photo : photos) {
			cases.insertPhoto(id, fileName(photo.fileName()), files.store(photo), user.getUsername(), now);
		}
	}

	static String fileName(String name) {
		String clean = PlainText.line(name);
		if (clean == null) {
			return "file";
		}
		return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
	}

}
