package org.grassroots.problems;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.grassroots.problems.ProblemCommands.ActOnSummons;
import org.grassroots.problems.ProblemCommands.Assign;
import org.grassroots.problems.ProblemCommands.Decide;
import org.grassroots.problems.ProblemCommands.Delegate;
import org.grassroots.problems.ProblemCommands.Escalate;
import org.grassroots.problems.ProblemCommands.Evaluate;
import org.grassroots.problems.ProblemCommands.Plan;
import org.grassroots.problems.ProblemCommands.Register;
import org.grassroots.problems.ProblemCommands.ReportIn;
import org.grassroots.problems.ProblemCommands.ResidentReport;
import org.grassroots.problems.ProblemCommands.Review;
import org.grassroots.problems.ProblemCommands.Split;
import org.grassroots.problems.ProblemCommands.Submit;
import org.grassroots.problems.ProblemCommands.Summon;
import org.grassroots.problems.ProblemCommands.Supervise;
import org.grassroots.problems.internal.AttachmentStore;
import org.grassroots.problems.internal.NoticeDue;
import org.grassroots.problems.internal.ProblemAccess;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every command on a problem, each one transaction: a permission check against the table in
 * {@link ProblemRules}, the optimistic-lock version, a timeline entry, an audit record and a
 * domain event.
 */
@Service
public class ProblemManagement {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final UnitManagement units;

	private final ProblemAccess access;

	private final AttachmentStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InputCheck input;

	private final FieldCipher cipher;

	private final Duration emergencyReportIn;

	private final Duration generalReportIn;

	private final long uploadMegabytesPerReport;

	private final SecureRandom random = new SecureRandom();

	ProblemManagement(ProblemRepository problems, WorkRepository work, UnitManagement units, ProblemAccess access,
			AttachmentStore files, ApplicationEventPublisher events, Clock clock, InputCheck input, FieldCipher cipher,
			@Value("${grassroots.problems.summons-emergency-minutes:30}") long emergencyMinutes,
			@Value("${grassroots.problems.summons-general-hours:24}") long generalHours,
			@Value("${grassroots.problems.public.upload-megabytes-per-report:15}") long uploadMegabytesPerReport) {
		this.problems = problems;
		this.work = work;
		this.units = units;
		this.access = access;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.input = input;
		this.cipher = cipher;
		this.emergencyReportIn = Duration.ofMinutes(emergencyMinutes);
		this.generalReportIn = Duration.ofHours(generalHours);
		this.uploadMegabytesPerReport = uploadMegabytesPerReport;
	}

	/** A resident's saved report and the tracking code, shown to them once. */
	public record Reported(Problem problem, String trackingCode) {

	}

	// ---------------------------------------------------------------- intake

	/** Staff register a problem raised by their unit or a unit in their scope. */
	@Transactional
	public Problem register(Register given, List<Upload> uploads, CurrentUser user) {
		Register command = input.check(IntakeRules.clean(given));
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		uploads.forEach(AttachmentStore::check);
		Category category = category(command.categoryCode());
		Unit raising = command.raisingUnitId() == null ? unit(user.unitId())
				: units.get(command.raisingUnitId(), user.scope());
		Unit location = command.locationUnitId() == null ? null : units.get(command.locationUnitId(), user.scope());
		List<ProblemCommands.NewMilestone> milestones = command.milestones() == null ? List.of() : command.milestones();
		if (command.typeOrDefault() == ProblemType.LONG_TERM && milestones.isEmpty()) {
			throw DomainException.invalid("problems.error.milestones-required");
		}
		milestones.forEach(milestone -> checkFuture(milestone.deadline()));
		Instant now = clock.instant();
		Map<String, @Nullable Object> row = newRow(raising, raising, location, command.source(), category, now);
		row.put("title", command.title().trim());
		row.put("description", command.description().trim());
		row.put("urgency", (command.urgency() == null ? Urgency.GENERAL : command.urgency()).name());
		row.put("problem_type", command.typeOrDefault().name());
		row.put("address", blankToNull(command.address()));
		row.put("latitude", command.latitude());
		row.put("longitude", command.longitude());
		row.put("standard", blankToNull(command.standard()));
		row.put("measures", blankToNull(command.measures()));
		long id = insert(row, raising, location);
		for (int i = 0; i < milestones.size(); i++) {
			problems.insertMilestone(id, i + 1, milestones.get(i).title().trim(), milestones.get(i).deadline());
		}
		uploads.forEach(upload -> store(id, "INTAKE", upload, user.displayName(), now));
		problems.insertEvent(id, ProblemAction.REPORT, null, ProblemState.REPORTED, user.displayName(),
				raising.nameZh(), null, true, now);
		Problem created = reload(id);
		events.publishEvent(new ProblemReported(created, null));
		notice("REPORTED", created, List.of(created.handlingUnitPath()), "");
		return created;
	}

	/**
	 * A resident's report through the public page or API, without an account: the place must be
	 * a community or a street, so that nobody can file on the city or a district office.
	 */
	@Transactional
	public Reported reportAtPlace(ResidentReport given, List<Upload> uploads) {
		ResidentReport command = input.check(IntakeRules.clean(given));
		Unit location = units.get(command.locationUnitId(), DataScope.CITY);
		if (location.kind() != UnitKind.ADMINISTRATIVE
				|| (location.level() != UnitLevel.COMMUNITY && location.level() != UnitLevel.STREET)) {
			throw DomainException.invalid("problems.error.location-level");
		}
		return file(command, uploads);
	}

	/**
	 * A resident's report at any administrative unit, as Open311 files it when no place matches. It
	 * goes to the district of the place; when the resident names an open problem as the same one,
	 * the report is linked to it as a duplicate.
	 */
	@Transactional
	public Reported report(ResidentReport given, List<Upload> uploads) {
		return file(input.check(IntakeRules.clean(given)), uploads);
	}

	/** Saves a report that has passed {@link IntakeRules} and its constraints. */
	private Reported file(ResidentReport command, List<Upload> uploads) {
		uploads.forEach(AttachmentStore::check);
		if (uploads.stream().mapToLong(upload -> upload.bytes().length).sum() > uploadMegabytesPerReport * 1024 * 1024) {
			throw DomainException.invalid("problems.error.uploads-too-large", uploadMegabytesPerReport);
		}
		Category category = category(command.categoryCode());
		Unit location = units.get(command.locationUnitId(), DataScope.CITY);
		if (location.kind() == UnitKind.DEPARTMENT) {
			throw DomainException.invalid("problems.error.location-level");
		}
		Unit district = location.depth() <= 2 ? location : units.getByCode(location.pathCodes().get(1), DataScope.CITY);
		Problem original = command.duplicateOf() == null ? null : duplicateTarget(command);
		Instant now = clock.instant();
		String code = trackingCode();
		Map<String, @Nullable Object> row = newRow(location, district, location, ProblemSource.RESIDENT, category, now);
		row.put("title", command.title());
		row.put("description", command.description());
		row.put("urgency", Urgency.GENERAL.name());
		row.put("problem_type", ProblemType.IMMEDIATE.name());
		row.put("address", blankToNull(command.address()));
		row.put("latitude", command.latitude());
		row.put("longitude", command.longitude());
		row.put("tracking_hash", sha256(code));
		row.put("title_public", true);
		row.put("disclose_identity", command.disclose());
		if (command.phone() != null && !command.phone().isBlank()) {
			row.put("reporter_phone_cipher", cipher.encrypt(command.phone()));
			row.put("reporter_phone_hash", cipher.lookupHash(command.phone()));
		}
		if (original != null) {
			row.put("state", ProblemState.DECLINED.name());
			row.put("duplicate_of", original.id());
			row.put("decline_reason", "DUPLICATE " + original.ledgerNo());
			row.put("first_action_at", now);
		}
		long id = insert(row, location, location);
		problems.insertAttributes(id, command.attributes() == null ? Map.of() : command.attributes());
		uploads.forEach(upload -> store(id, "INTAKE", upload, "resident", now));
		problems.insertEvent(id, ProblemAction.REPORT, null, ProblemState.REPORTED, "resident", null, null, true, now);
		if (original != null) {
			problems.insertEvent(id, ProblemAction.DECLINE, ProblemState.REPORTED, ProblemState.DECLINED, "resident", null,
					original.ledgerNo(), true, now);
			problems.bumpReportCount(original.id());
		}
		Problem created = reload(id);
		events.publishEvent(new ProblemReported(created, "resident"));
		if (original == null) {
			notice("REPORTED", created, List.of(created.handlingUnitPath()), "");
		}
		return new Reported(created, code);
	}

	private Problem duplicateTarget(ResidentReport command) {
		return problems.openInCommunity(command.locationUnitId(), command.categoryCode())
			.stream()
			.filter(open -> open.id() == command.duplicateOf())
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("problems.error.not-a-duplicate"));
	}

	private Map<String, @Nullable Object> newRow(Unit raising, Unit handling, @Nullable Unit location,
			ProblemSource source, Category category, Instant now) {
		List<String> codes = handling.pathCodes();
		String district = codes.size() > 1 ? codes.get(1) : codes.get(0);
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("ledger_no", district + "-" + now.atZone(org.grassroots.shared.Times.ZONE).getYear() + "-"
				+ String.format("%07d", problems.nextLedgerSequence()));
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

	private long insert(Map<String, @Nullable Object> row, Unit raising, @Nullable Unit location) {
		row.replaceAll((key, value) -> value instanceof Instant at ? org.grassroots.shared.Times.utc(at) : value);
		long id = problems.insert(row);
		problems.addParty(id, (String) row.get("handling_unit_path"));
		problems.addParty(id, raising.path());
		problems.addParty(id, location == null ? null : location.path());
		return id;
	}

	// ---------------------------------------------------------------- dispatch

	@Transactional
	public Problem accept(long id, Decide command, CurrentUser user) {
		input.check(command);
		return transition(id, ProblemAction.ACCEPT, command.version(), user, command.note(), true,
				problem -> changes("state", ProblemState.ACCEPTED, "first_action_at", clock.instant()));
	}

	@Transactional
	public Problem decline(long id, Decide command, CurrentUser user) {
		input.check(command);
		String reason = required(command.note(), "note");
		return transition(id, ProblemAction.DECLINE, command.version(), user, reason, true,
				problem -> changes("state", ProblemState.DECLINED, "first_action_at", clock.instant(), "decline_reason",
						reason));
	}

	/** Hands the problem to a unit (the handling unit itself or one below it) and a person, with a deadline. */
	@Transactional
	public Problem assign(long id, Assign command, CurrentUser user) {
		input.check(command);
		Problem problem = get(id, user);
		Unit target = unitAtOrBelow(command.unitId(), problem.handlingUnitPath(), false);
		Instant deadline = deadline(problem, command.deadline());
		Problem after = transition(id, ProblemAction.ASSIGN, command.version(), user,
				target.nameZh() + (command.person() == null ? "" : " / " + command.person()), true,
				before -> {
					Map<String, @Nullable Object> changes = changes("state", ProblemState.ASSIGNED, "responsible_unit_id",
							target.id(), "responsible_unit_path", target.path(), "responsible_person",
							blankToNull(command.person()), "assigned_by_unit_id", before.handlingUnitId(),
							"assigned_by_unit_path", before.handlingUnitPath(), "deadline", deadline, "overdue",
							deadline.isBefore(clock.instant()), "deadline_notified", false);
					changes.put("first_action_at", before.firstActionAt() == null ? clock.instant() : before.firstActionAt());
					if (command.standard() != null && !command.standard().isBlank()) {
						changes.put("standard", command.standard().trim());
					}
					clearRecognition(changes);
					return changes;
				});
		problems.addParty(id, target.path());
		notice("ASSIGNED", after, List.of(target.path()), String.valueOf(after.version()));
		return after;
	}

	/** Passes the dispatching down to a unit below, which then assigns it. */
	@Transactional
	public Problem delegate(long id, Delegate command, CurrentUser user) {
		input.check(command);
		Problem problem = get(id, user);
		Unit target = unitAtOrBelow(command.unitId(), problem.handlingUnitPath(), true);
		Problem after = transition(id, ProblemAction.DELEGATE, command.version(), user, target.nameZh(), true,
				before -> changes("state", ProblemState.ACCEPTED, "handling_unit_id", target.id(), "handling_unit_path",
						target.path()));
		problems.addParty(id, target.path());
		notice("DELEGATED", after, List.of(target.path()), String.valueOf(after.version()));
		return after;
	}

	/**
	 * Splits the problem into one child per unit, each assigned at once; the parent stays with the
	 * handling unit and can close only when every child has closed.
	 */
	@Transactional
	public Problem split(long id, Split command, CurrentUser user) {
		input.check(command);
		Problem problem = get(id, user);
		List<Unit> targets = command.unitIds().stream().distinct()
			.map(unitId -> unitAtOrBelow(unitId, problem.handlingUnitPath(), true))
			.toList();
		Instant deadline = deadline(problem, command.deadline());
		Problem after = transition(id, ProblemAction.SPLIT, command.version(), user,
				String.join("、", targets.stream().map(Unit::nameZh).toList()), true,
				before -> changes("state", ProblemState.RECTIFYING, "responsible_unit_id", before.handlingUnitId(),
						"responsible_unit_path", before.handlingUnitPath(), "assigned_by_unit_id", before.handlingUnitId(),
						"assigned_by_unit_path", before.handlingUnitPath(), "deadline", deadline, "first_action_at",
						before.firstActionAt() == null ? clock.instant() : before.firstActionAt()));
		for (Unit target : targets) {
			createChild(after, target, deadline, user);
		}
		return after;
	}

	private void createChild(Problem parent, Unit target, Instant deadline, CurrentUser user) {
		Instant now = clock.instant();
		Unit handling = unit(parent.handlingUnitId());
		Map<String, @Nullable Object> row = newRow(unit(parent.raisingUnitId()), handling, null, parent.source(),
				category(parent.categoryCode()), now);
		row.put("parent_id", parent.id());
		row.put("title", parent.title());
		row.put("title_public", parent.titlePublic());
		row.put("description", parent.description());
		row.put("urgency", parent.urgency().name());
		row.put("problem_type", parent.type().name());
		row.put("location_unit_id", parent.locationUnitId());
		row.put("address", parent.address());
		row.put("standard", parent.standard());
		row.put("state", ProblemState.ASSIGNED.name());
		row.put("responsible_unit_id", target.id());
		row.put("responsible_unit_path", target.path());
		row.put("assigned_by_unit_id", handling.id());
		row.put("assigned_by_unit_path", handling.path());
		row.put("deadline", deadline);
		row.put("first_action_at", now);
		long childId = insert(row, unit(parent.raisingUnitId()), null);
		problems.addParty(childId, target.path());
		problems.insertEvent(childId, ProblemAction.SPLIT, null, ProblemState.ASSIGNED, user.displayName(),
				handling.nameZh(), parent.ledgerNo(), true, now);
		Problem child = reload(childId);
		events.publishEvent(new ProblemReported(child, null));
		notice("ASSIGNED", child, List.of(target.path()), "0");
	}

	/** Up to an upper unit (by default the parent of the unit holding it), which takes it over or reassigns it. */
	@Transactional
	public Problem escalate(long id, Escalate command, CurrentUser user) {
		input.check(command);
		Problem problem = get(id, user);
		Unit holder = unit(problem.holderUnitId());
		Unit target = command.unitId() == null ? parentOf(holder)
				: named(command.unitId(), user, unit -> holder.path().startsWith(unit.path()) && holder.id() != unit.id(),
						"problems.error.not-upper-unit");
		Problem after = transition(id, ProblemAction.ESCALATE, command.version(), user, command.reason(), true,
				before -> {
					Map<String, @Nullable Object> changes = changes("state", ProblemState.ACCEPTED, "handling_unit_id",
							target.id(), "handling_unit_path", target.path(), "responsible_unit_id", null,
							"responsible_unit_path", null, "responsible_person", null, "assigned_by_unit_id", null,
							"assigned_by_unit_path", null);
					clearRecognition(changes);
					return changes;
				});
		problems.addParty(id, target.path());
		notice("ESCALATED", after, List.of(target.path()), String.valueOf(after.version()));
		return after;
	}

	// ---------------------------------------------------------------- rectification

	/** Records the rectification plan; the problem is then being rectified. */
	@Transactional
	public Problem plan(long id, Plan command, CurrentUser user) {
		input.check(command);
		return transition(id, ProblemAction.START, command.version(), user, command.measures(), false,
				problem -> {
					Map<String, @Nullable Object> changes = changes("state", ProblemState.RECTIFYING, "measures",
							command.measures().trim());
					if (command.standard() != null && !command.standard().isBlank()) {
						changes.put("standard", command.standard().trim());
					}
					return changes;
				});
	}

	@Transactional
	public Problem note(long id, Decide command, CurrentUser user) {
		input.check(command);
		String note = required(command.note(), "note");
		return transition(id, ProblemAction.NOTE, command.version(), user, note, false,
				problem -> changes("state", problem.state()));
	}

	@Transactional
	public Problem completeMilestone(long id, int seq, int version, CurrentUser user) {
		return transition(id, ProblemAction.COMPLETE_MILESTONE, version, user, "#" + seq, false, problem -> {
			if (!problems.completeMilestone(id, seq, clock.instant())) {
				throw DomainException.conflict("problems.error.milestone", seq);
			}
			return changes("state", problem.state());
		});
	}

	/** Hands in the rectification with its evidence; decides who recognizes it for each side. */
	@Transactional
	public Problem submit(long id, Submit command, List<Upload> evidence, CurrentUser user) {
		input.check(command);
		evidence.forEach(AttachmentStore::check);
		Problem after = transition(id, ProblemAction.SUBMIT, command.version(), user, command.evidence(), true, problem -> {
			if (problems.openChildren(id) > 0) {
				throw DomainException.conflict("problems.error.children-open");
			}
			if (problems.milestones(id).stream().anyMatch(milestone -> milestone.doneAt() == null)) {
				throw DomainException.conflict("problems.error.milestones-open");
			}
			Unit raisingSide = unit(problem.assignedByUnitId() != null ? problem.assignedByUnitId() : problem.raisingUnitId());
			Unit responsibleSide = responsibleSide(unit(problem.holderUnitId()), raisingSide);
			Map<String, @Nullable Object> changes = changes("state", ProblemState.SUBMITTED, "raising_side_unit_id",
					raisingSide.id(), "raising_side_path", raisingSide.path(), "responsible_side_unit_id",
					responsibleSide.id(), "responsible_side_path", responsibleSide.path());
			clearRecognition(changes);
			return changes;
		});
		evidence.forEach(upload -> store(id, "EVIDENCE", upload, user.displayName(), clock.instant()));
		problems.addParty(id, after.raisingSidePath());
		problems.addParty(id, after.responsibleSidePath());
		notice("SUBMITTED", after, sides(after), String.valueOf(after.version()));
		return after;
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
		Unit upper = unit(rectifier.parentId());
		boolean sameUnit = upper.id() == raisingSide.id();
		boolean crossBatch = raisingSide.batch() != rectifier.batch();
		return sameUnit || crossBatch ? rectifier : upper;
	}

	/** One side recognizes the rectification; the second recognition closes the problem. */
	@Transactional
	public Problem recognize(long id, Decide command, CurrentUser user) {
		input.check(command);
		return transition(id, ProblemAction.RECOGNIZE, command.version(), user, command.note(), true, problem -> {
			Set<Party> parties = access.parties(problem, user);
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
			if (bothSides && problems.openChildren(id) == 0) {
				changes.put("state", ProblemState.CLOSED);
				changes.put("closed_at", now);
				changes.put("supervised", false);
				changes.put("review_state", null);
				work.resolveSupervisions(id, now);
			}
			return changes;
		});
	}

	/** Either side sends the rectification back with a reason; the second return brings automatic supervision. */
	@Transactional
	public Problem returnRectification(long id, Decide command, CurrentUser user) {
		input.check(command);
		String reason = required(command.note(), "note");
		boolean[] supervise = new boolean[1];
		Problem after = transition(id, ProblemAction.RETURN, command.version(), user, reason, true, problem -> {
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
		notice("RETURNED", after, List.of(after.holderUnitPath()), String.valueOf(after.version()));
		if (supervise[0]) {
			Unit upper = parentOf(unit(after.holderUnitId()));
			work.insertSupervision(id, upper.id(), upper.nameZh(), "RETURNED_TWICE", true, "system", clock.instant());
			problems.insertEvent(id, ProblemAction.SUPERVISE, after.state(), after.state(), "system", upper.nameZh(),
					"RETURNED_TWICE", false, clock.instant());
			notice("SUPERVISED", after, List.of(after.holderUnitPath()), String.valueOf(after.version()));
		}
		return after;
	}

	/**
	 * The handling unit or a unit above shows the title to the public (the duplicate hint, reports
	 * linked to it) or withdraws it, for example when it names a person.
	 */
	@Transactional
	public Problem publish(long id, ProblemCommands.Publish command, CurrentUser user) {
		input.check(command);
		return transition(id, ProblemAction.PUBLISH, command.version(), user, command.titlePublic() ? "PUBLIC" : "INTERNAL",
				false, problem -> changes("state", problem.state(), "title_public", command.titlePublic()));
	}

	// ---------------------------------------------------------------- supervision and summons

	@Transactional
	public Problem supervise(long id, Supervise command, CurrentUser user) {
		input.check(command);
		Unit mine = unit(user.unitId());
		Problem after = transition(id, ProblemAction.SUPERVISE, command.version(), user, command.reason(), false,
				problem -> changes("state", problem.state(), "supervised", true, "priority", problem.priority() + 1));
		work.insertSupervision(id, mine.id(), mine.nameZh(), command.reason().trim(), false, user.displayName(),
				clock.instant());
		notice("SUPERVISED", after, List.of(after.holderUnitPath()), String.valueOf(after.version()));
		return after;
	}

	/** A street summons departments of its district; each must report in within the limit. */
	@Transactional
	public Problem summon(long id, Summon command, CurrentUser user) {
		input.check(command);
		Problem problem = get(id, user);
		ProblemRules.check(ProblemAction.SUMMON, problem.state(), access.parties(problem, user));
		Unit street = unit(user.unitId());
		if (street.level() != UnitLevel.STREET || street.kind() == UnitKind.DEPARTMENT) {
			throw DomainException.forbidden("problems.error.summons-street");
		}
		Unit district = parentOf(street);
		List<Unit> departments = command.departmentUnitIds().stream().distinct()
			.map(unitId -> named(unitId, user, department -> department.kind() == UnitKind.DEPARTMENT
					&& department.parentId() != null && department.parentId() == district.id(),
					"problems.error.not-district-department"))
			.toList();
		Instant now = clock.instant();
		Instant due = now.plus(command.isEmergency() ? emergencyReportIn : generalReportIn);
		long summonsId = work.insertSummons(id, street.id(), command.reason().trim(), command.isEmergency(), due,
				user.displayName(), now);
		for (Unit department : departments) {
			work.insertSummonedDepartment(summonsId, department.id(), department.path(), department.nameZh());
			problems.addParty(id, department.path());
		}
		String names = String.join("、", departments.stream().map(Unit::nameZh).toList());
		problems.insertEvent(id, ProblemAction.SUMMON, problem.state(), problem.state(), user.displayName(),
				street.nameZh(), names + ": " + command.reason().trim(), false, now);
		events.publishEvent(new ProblemChanged(ProblemAction.SUMMON, problem, problem, names, null));
		notice("SUMMONED", problem, departments.stream().map(Unit::path).toList(), "summons-" + summonsId);
		return reload(id);
	}

	/** A summoned department acknowledges and names the person who will act. */
	@Transactional
	public Problem reportIn(long id, ReportIn command, CurrentUser user) {
		input.check(command);
		return summonsStep(id, ProblemAction.REPORT_IN, command.person(), user,
				summonsId -> work.reportIn(summonsId, user.unitPath(), command.person().trim(), clock.instant()));
	}

	/** A summoned department records what it did; the summons closes when every department has acted. */
	@Transactional
	public Problem actOnSummons(long id, ActOnSummons command, CurrentUser user) {
		input.check(command);
		return summonsStep(id, ProblemAction.ACT_ON_SUMMONS, command.note(), user, summonsId -> {
			boolean acted = work.actOnSummons(summonsId, user.unitPath(), command.note().trim(), clock.instant());
			if (acted) {
				work.closeSummonsIfDone(summonsId, clock.instant());
			}
			return acted;
		});
	}

	private Problem summonsStep(long id, ProblemAction action, String note, CurrentUser user,
			Function<Long, Boolean> step) {
		Problem problem = get(id, user);
		ProblemRules.check(action, problem.state(), access.parties(problem, user));
		long summonsId = work.pendingSummons(id, user.unitPath()).orElseThrow();
		if (!step.apply(summonsId)) {
			throw DomainException.conflict(action == ProblemAction.REPORT_IN ? "problems.error.already-reported-in"
					: "problems.error.report-in-first");
		}
		problems.insertEvent(id, action, problem.state(), problem.state(), user.displayName(),
				unit(user.unitId()).nameZh(), note.trim(), false, clock.instant());
		events.publishEvent(new ProblemChanged(action, problem, problem, note, null));
		return reload(id);
	}

	// ---------------------------------------------------------------- attachments

	@Transactional
	public Attachment attach(long id, Upload upload, CurrentUser user) {
		Problem problem = get(id, user);
		ProblemRules.check(ProblemAction.ATTACH, problem.state(), access.parties(problem, user));
		Instant now = clock.instant();
		long attachmentId = store(id, problem.state() == ProblemState.RECTIFYING ? "EVIDENCE" : "INTAKE", upload,
				user.displayName(), now);
		problems.insertEvent(id, ProblemAction.ATTACH, problem.state(), problem.state(), user.displayName(),
				unit(user.unitId()).nameZh(), upload.fileName(), false, now);
		events.publishEvent(new ProblemChanged(ProblemAction.ATTACH, problem, problem, upload.fileName(), null));
		return work.attachments(id).stream().filter(attachment -> attachment.id() == attachmentId).findFirst().orElseThrow();
	}

	private long store(long problemId, String purpose, Upload upload, String by, Instant at) {
		AttachmentStore.Stored stored = files.store(upload);
		String name = upload.fileName().isBlank() ? "file" : upload.fileName();
		return work.insertAttachment(problemId, purpose, name.length() > 255 ? name.substring(0, 255) : name,
				stored.contentType(), stored.size(), stored.sha256(), stored.storageKey(), by, at);
	}

	// ---------------------------------------------------------------- evaluation and review

	/** The resident rates a closed problem by tracking code; dissatisfied opens a review by the upper unit. */
	@Transactional
	public Problem evaluate(String trackingCode, Evaluate command) {
		input.check(command);
		Problem problem = problems.findByTrackingHash(sha256(trackingCode.trim()))
			.orElseThrow(() -> new NotFoundException("problem", "tracking code"));
		ProblemRules.check(ProblemAction.EVALUATE, problem.state(), Set.of(Party.REPORTER));
		if (problem.evaluatedAt() != null && problem.closedAt() != null && problem.evaluatedAt().isAfter(problem.closedAt())) {
			throw DomainException.conflict("problems.error.already-evaluated");
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = changes("state", problem.state(), "evaluation", command.rating().name(),
				"evaluation_comment", blankToNull(command.comment()), "evaluated_at", now);
		String reviewer = null;
		if (command.rating() == Rating.DISSATISFIED) {
			reviewer = parentOf(unit(problem.holderUnitId())).path();
			changes.put("review_state", "OPEN");
			changes.put("review_unit_path", reviewer);
		}
		if (!problems.update(problem.id(), problem.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		problems.insertEvent(problem.id(), ProblemAction.EVALUATE, problem.state(), problem.state(), "resident", null,
				command.rating().name(), true, now);
		Problem after = reload(problem.id());
		events.publishEvent(new ProblemChanged(ProblemAction.EVALUATE, problem, after, command.rating().name(), "resident"));
		if (reviewer != null) {
			problems.addParty(problem.id(), reviewer);
			notice("REVIEW", after, List.of(reviewer), String.valueOf(after.version()));
		}
		return after;
	}

	/** The upper unit decides a dissatisfied evaluation: reopen the problem, or uphold the closure. */
	@Transactional
	public Problem review(long id, Review command, CurrentUser user) {
		input.check(command);
		Problem after = transition(id, command.reopen() ? ProblemAction.REOPEN : ProblemAction.REVIEW, command.version(),
				user, command.note(), true, problem -> {
					if (!problem.reviewOpen()) {
						throw DomainException.conflict("problems.error.no-review");
					}
					if (!command.reopen()) {
						return changes("state", ProblemState.CLOSED, "review_state", "UPHELD");
					}
					Map<String, @Nullable Object> changes = changes("state", ProblemState.RECTIFYING, "review_state",
							"REOPENED", "closed_at", null);
					clearRecognition(changes);
					return changes;
				});
		if (command.reopen()) {
			notice("REOPENED", after, List.of(after.holderUnitPath()), String.valueOf(after.version()));
		}
		return after;
	}

	// ---------------------------------------------------------------- categories

	@Transactional
	public Category updateCategory(Category category, CurrentUser user) {
		input.check(category);
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		category(category.code());
		if (!work.updateCategory(category)) {
			throw DomainException.staleVersion();
		}
		return category(category.code());
	}

	// ---------------------------------------------------------------- deadlines

	/** Flags one overdue problem found by the deadline job; each flag is its own audited change. */
	@Transactional
	public void flagOverdue(long id) {
		Problem before = reload(id);
		if (before.overdue() || !before.state().isOpen()) {
			return;
		}
		Instant now = clock.instant();
		if (!problems.update(id, before.version(), changes("overdue", true), now)) {
			return;
		}
		problems.insertEvent(id, ProblemAction.FLAG_OVERDUE, before.state(), before.state(), "system", null, null, false,
				now);
		Problem after = reload(id);
		events.publishEvent(new ProblemChanged(ProblemAction.FLAG_OVERDUE, before, after, null, "system"));
		notice("OVERDUE", after, List.of(after.holderUnitPath()), String.valueOf(after.deadline()));
	}

	/** Notifies the unit holding a problem whose deadline falls within three days, once per deadline. */
	@Transactional
	public void noticeDeadlineSoon(long id) {
		Problem problem = reload(id);
		if (problems.markDeadlineNotified(id)) {
			notice("DEADLINE_SOON", problem, List.of(problem.holderUnitPath()), String.valueOf(problem.deadline()));
		}
	}

	// ---------------------------------------------------------------- plumbing

	/**
	 * Loads the problem within the person's scope (404 outside it), checks the permission table
	 * and the version, applies the changes and records the timeline, audit and event.
	 */
	private Problem transition(long id, ProblemAction action, int version, CurrentUser user, @Nullable String note,
			boolean publicEntry, Function<Problem, Map<String, @Nullable Object>> changes) {
		Problem before = get(id, user);
		ProblemRules.check(action == ProblemAction.REOPEN ? ProblemAction.REVIEW : action, before.state(),
				access.parties(before, user));
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
		String actorUnit = unit(user.unitId()).nameZh();
		problems.insertEvent(id, action, before.state(), to, user.displayName(), actorUnit, blankToNull(note),
				publicEntry, now);
		Problem after = reload(id);
		events.publishEvent(new ProblemChanged(action, before, after, blankToNull(note), null));
		if (after.state() == ProblemState.CLOSED && before.state() != ProblemState.CLOSED) {
			problems.insertEvent(id, ProblemAction.CLOSE, to, to, user.displayName(), actorUnit, null, true, now);
			closeParentIfDone(after);
		}
		return after;
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
				problems.insertEvent(parent.id(), ProblemAction.CLOSE, parent.state(), ProblemState.CLOSED, "system", null,
						child.ledgerNo(), true, now);
				work.resolveSupervisions(parent.id(), now);
				events.publishEvent(new ProblemChanged(ProblemAction.CLOSE, parent, reload(parent.id()), null, "system"));
			}
		}
	}

	private Problem get(long id, CurrentUser user) {
		return problems.find(id, user.scope()).orElseThrow(() -> new NotFoundException("problem", id));
	}

	private Problem reload(long id) {
		return problems.find(id, DataScope.CITY).orElseThrow(() -> new NotFoundException("problem", id));
	}

	private Unit unit(long id) {
		return units.get(id, DataScope.CITY);
	}

	/**
	 * A unit named in a command, when it fits the command. One that does not fit is named in the
	 * refusal only when the person may see it; an unknown one or one outside the scope answers
	 * alike that the unit is not available, without its name.
	 */
	private Unit named(long unitId, CurrentUser user, java.util.function.Predicate<Unit> fits, String refusal) {
		Unit unit = units.byIds(List.of(unitId)).get(unitId);
		if (unit != null && fits.test(unit)) {
			return unit;
		}
		if (unit != null && user.scope().covers(unit.path())) {
			throw DomainException.invalid(refusal, unit.nameZh());
		}
		throw DomainException.invalid("problems.error.unit-unavailable");
	}

	private Unit parentOf(Unit unit) {
		if (unit.parentId() == null) {
			throw DomainException.conflict("problems.error.no-upper-unit");
		}
		return unit(unit.parentId());
	}

	/** A unit in the subtree of the given path: the unit itself too unless strictly below is asked. */
	private Unit unitAtOrBelow(long unitId, String path, boolean strictlyBelow) {
		Unit target = units.get(unitId, new DataScope(false, Set.of(path), Set.of()));
		if (strictlyBelow && target.path().equals(path)) {
			throw DomainException.invalid("problems.error.not-below", target.nameZh());
		}
		return target;
	}

	private Category category(String code) {
		return work.category(code).orElseThrow(() -> DomainException.invalid("problems.error.unknown-category", code));
	}

	private Instant deadline(Problem problem, @Nullable Instant given) {
		if (given != null) {
			checkFuture(given);
			return given;
		}
		List<Milestone> milestones = problems.milestones(problem.id());
		if (!milestones.isEmpty()) {
			return milestones.get(milestones.size() - 1).deadline();
		}
		return clock.instant().plus(Duration.ofHours(category(problem.categoryCode()).hoursFor(problem.urgency())));
	}

	private void checkFuture(Instant deadline) {
		if (!deadline.isAfter(clock.instant())) {
			throw DomainException.invalid("problems.error.deadline-past");
		}
	}

	private void notice(String kind, Problem problem, List<String> unitPaths, String key) {
		events.publishEvent(new NoticeDue(kind, problem.id(), problem.ledgerNo(), problem.title(), List.copyOf(unitPaths),
				kind + ":" + problem.id() + ":" + key));
	}

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

	private static void clearRecognition(Map<String, @Nullable Object> changes) {
		changes.put("raising_recognized_by", null);
		changes.put("raising_recognized_at", null);
		changes.put("responsible_recognized_by", null);
		changes.put("responsible_recognized_at", null);
	}

	private static Map<String, @Nullable Object> changes(Object... keysAndValues) {
		Map<String, @Nullable Object> changes = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			changes.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return changes;
	}

	private static String required(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid("problems.error.reason-required", field);
		}
		return text.trim();
	}

	private String trackingCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
