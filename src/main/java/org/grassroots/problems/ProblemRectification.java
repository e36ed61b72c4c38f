package org.grassroots.problems;

import static org.grassroots.problems.ProblemCommandSupport.changes;
import static org.grassroots.problems.ProblemCommandSupport.clearRecognition;
import static org.grassroots.problems.ProblemCommandSupport.required;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.problems.ProblemCommands.Decide;
import org.grassroots.problems.ProblemCommands.Note;
import org.grassroots.problems.ProblemCommands.Plan;
import org.grassroots.problems.ProblemCommands.PublishFile;
import org.grassroots.problems.ProblemCommands.Submit;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification and two-way recognition: the responsible unit plans, notes progress, completes
 * milestones and attaches evidence, then submits; both sides recognize it, or either returns it.
 */
@Service
public class ProblemRectification {

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final Clock clock;

	private final InputCheck input;

	ProblemRectification(ProblemCommandSupport support, ProblemRepository problems, WorkRepository work, Clock clock,
			InputCheck input) {
		this.support = support;
		this.problems = problems;
		this.work = work;
		this.clock = clock;
		this.input = input;
	}

	/** Records the rectification plan; the problem is then being rectified. */
	@Transactional
	public Problem plan(long id, Plan command, CurrentUser user) {
		input.check(command);
		return support.transition(id, ProblemAction.START, command.version(), user, command.measures(), command.isPublic(),
				problem -> {
					Map<String, @Nullable Object> changes = changes("state", ProblemState.RECTIFYING, "measures",
							command.measures().trim());
					if (command.standard() != null && !command.standard().isBlank()) {
						changes.put("standard", command.standard().trim());
					}
					return changes;
				});
	}

	/** A note on the progress, internal unless staff publish it to the resident. */
	@Transactional
	public Problem note(long id, Note command, CurrentUser user) {
		input.check(command);
		String note = required(command.note(), "note");
		return support.transition(id, ProblemAction.NOTE, command.version(), user, note, command.isPublic(),
				problem -> changes("state", problem.state()));
	}

	@Transactional
	public Problem completeMilestone(long id, int seq, int version, CurrentUser user) {
		return support.transition(id, ProblemAction.COMPLETE_MILESTONE, version, user, "#" + seq, false, problem -> {
			if (!problems.completeMilestone(id, seq, clock.instant())) {
				throw DomainException.conflict("problems.error.milestone", seq);
			}
			return changes("state", problem.state());
		});
	}

	/** A file on the problem: evidence while it is being rectified, otherwise part of the intake. */
	@Transactional
	public Attachment attach(long id, Upload upload, CurrentUser user) {
		return attach(id, upload, false, user);
	}

	/**
	 * A file on the problem, shown on the resident's tracking page when {@code filePublic}: staff
	 * judge that it holds no personal data.
	 */
	@Transactional
	public Attachment attach(long id, Upload upload, boolean filePublic, CurrentUser user) {
		Problem problem = support.permitted(id, ProblemAction.ATTACH, user);
		Instant now = clock.instant();
		long attachmentId = support.store(id, problem.state() == ProblemState.RECTIFYING ? "EVIDENCE" : "INTAKE", upload,
				user.displayName(), now, filePublic);
		support.recordStep(problem, ProblemAction.ATTACH, user, support.unit(user.unitId()), upload.fileName(),
				upload.fileName(), now);
		return work.attachments(id).stream().filter(attachment -> attachment.id() == attachmentId).findFirst().orElseThrow();
	}

	/**
	 * Shows a file on the resident's tracking page or withdraws it. Those who may attach files may,
	 * and those who decide what is public (the handling unit, an upper unit) may in any state, so a
	 * file that turns out to show a person can be withdrawn after closure too.
	 */
	@Transactional
	public Attachment publishFile(long id, long attachmentId, PublishFile command, CurrentUser user) {
		input.check(command);
		Problem problem = support.get(id, user);
		Set<Party> parties = support.parties(problem, user);
		if (!ProblemRules.allows(ProblemAction.ATTACH, problem.state(), parties)) {
			ProblemRules.check(ProblemAction.PUBLISH, problem.state(), parties);
		}
		Attachment file = work.attachments(id)
			.stream()
			.filter(attachment -> attachment.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		boolean shown = command.filePublic();
		if (file.filePublic() != shown) {
			work.markPublic(id, attachmentId, shown);
			String entry = (shown ? "PUBLIC " : "INTERNAL ") + file.fileName();
			support.recordStep(problem, ProblemAction.PUBLISH, user, support.unit(user.unitId()), entry, entry,
					clock.instant());
		}
		return work.attachments(id).stream().filter(attachment -> attachment.id() == attachmentId).findFirst().orElseThrow();
	}

	/** Hands in the rectification with its evidence; decides who recognizes it for each side. */
	@Transactional
	public Problem submit(long id, Submit command, List<Upload> evidence, CurrentUser user) {
		input.check(command);
		evidence.forEach(FileStore::check);
		Problem after = support.transition(id, ProblemAction.SUBMIT, command.version(), user, command.evidence(), true,
				this::submission);
		evidence.forEach(upload -> support.store(id, "EVIDENCE", upload, user.displayName(), clock.instant(),
				command.isPublic()));
		problems.addParty(id, after.raisingSidePath());
		problems.addParty(id, after.responsibleSidePath());
		support.notice("SUBMITTED", after, sides(after), String.valueOf(after.version()));
		return after;
	}

	/** Children and milestones must all be done; the two sides are fixed now, with no recognition yet. */
	private Map<String, @Nullable Object> submission(Problem problem) {
		if (problems.openChildren(problem.id()) > 0) {
			throw DomainException.conflict("problems.error.children-open");
		}
		if (problems.milestones(problem.id()).stream().anyMatch(milestone -> milestone.doneAt() == null)) {
			throw DomainException.conflict("problems.error.milestones-open");
		}
		Unit raisingSide = support
			.unit(problem.assignedByUnitId() != null ? problem.assignedByUnitId() : problem.raisingUnitId());
		Unit responsibleSide = responsibleSide(support.unit(problem.holderUnitId()), raisingSide);
		Map<String, @Nullable Object> changes = changes("state", ProblemState.SUBMITTED, "raising_side_unit_id",
				raisingSide.id(), "raising_side_path", raisingSide.path(), "responsible_side_unit_id",
				responsibleSide.id(), "responsible_side_path", responsibleSide.path());
		clearRecognition(changes);
		return changes;
	}

	/**
	 * The responsible side is the rectifying unit's upper unit, except where that unit is the
	 * raising side itself or the two sides are in different batches: then each batch's own unit
	 * recognizes, so the rectifying unit holds the responsible side.
	 */
	private Unit responsibleSide(Unit rectifier, Unit raisingSide) {
		if (rectifier.parentId() == null) {
			return rectifier;
		}
		Unit upper = support.unit(rectifier.parentId());
		boolean sameUnit = upper.id() == raisingSide.id();
		boolean crossBatch = raisingSide.batch() != rectifier.batch();
		return sameUnit || crossBatch ? rectifier : upper;
	}

	/** One side recognizes the rectification; the second recognition closes the problem. */
	@Transactional
	public Problem recognize(long id, Decide command, CurrentUser user) {
		input.check(command);
		return support.transition(id, ProblemAction.RECOGNIZE, command.version(), user, command.note(), true,
				problem -> recognition(problem, user));
	}

	/** Records every side the person holds that has not recognized yet; with both in and no child open, closes. */
	private Map<String, @Nullable Object> recognition(Problem problem, CurrentUser user) {
		Set<Party> parties = support.parties(problem, user);
		boolean raising = parties.contains(Party.RAISING_SIDE) && problem.raisingRecognizedAt() == null;
		boolean responsible = parties.contains(Party.RESPONSIBLE_SIDE) && problem.responsibleRecognizedAt() == null;
		if (!raising && !responsible) {
			throw DomainException.conflict("problems.error.already-recognized");
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = changes("state", ProblemState.SUBMITTED);
		if (raising) {
			changes.put("raising_recognized_by", user.displayName());
			changes.put("raising_recognized_at", now);
		}
		if (responsible) {
			changes.put("responsible_recognized_by", user.displayName());
			changes.put("responsible_recognized_at", now);
		}
		boolean bothSides = (raising || problem.raisingRecognizedAt() != null)
				&& (responsible || problem.responsibleRecognizedAt() != null);
		if (bothSides && problems.openChildren(problem.id()) == 0) {
			changes.put("state", ProblemState.CLOSED);
			changes.put("closed_at", now);
			changes.put("supervised", false);
			changes.put("review_state", null);
			work.resolveSupervisions(problem.id(), now);
		}
		return changes;
	}

	/** Either side sends the rectification back with a reason; the second return brings automatic supervision. */
	@Transactional
	public Problem returnRectification(long id, Decide command, CurrentUser user) {
		input.check(command);
		String reason = required(command.note(), "note");
		boolean[] supervise = new boolean[1];
		Problem after = support.transition(id, ProblemAction.RETURN, command.version(), user, reason, true, problem -> {
			Map<String, @Nullable Object> changes = changes("state", ProblemState.RECTIFYING, "return_count",
					problem.returnCount() + 1);
			clearRecognition(changes);
			if (problem.returnCount() + 1 >= 2 && !problem.supervised()) {
				supervise[0] = true;
				changes.put("supervised", true);
				changes.put("priority", problem.priority() + 1);
			}
			return changes;
		});
		support.noticeHolder("RETURNED", after);
		if (supervise[0]) {
			superviseReturnedTwice(after);
		}
		return after;
	}

	/** The upper unit of the rectifier supervises, recorded as the system's doing, not the returner's. */
	private void superviseReturnedTwice(Problem after) {
		Unit upper = support.parentOf(support.unit(after.holderUnitId()));
		work.insertSupervision(after.id(), upper.id(), upper.nameZh(), "RETURNED_TWICE", true, TimelineEntry.SYSTEM,
				clock.instant());
		problems.insertEvent(after.id(), ProblemAction.SUPERVISE, after.state(), after.state(), TimelineEntry.SYSTEM, upper,
				"RETURNED_TWICE", false, clock.instant());
		support.noticeHolder("SUPERVISED", after);
	}

	/** The units that recognize: the raising side and the responsible side, once each. */
	private static List<String> sides(Problem problem) {
		List<String> sides = new ArrayList<>();
		if (problem.raisingSidePath() != null) {
			sides.add(problem.raisingSidePath());
		}
		if (problem.responsibleSidePath() != null && !sides.contains(problem.responsibleSidePath())) {
			sides.add(problem.responsibleSidePath());
		}
		return sides;
	}

}
