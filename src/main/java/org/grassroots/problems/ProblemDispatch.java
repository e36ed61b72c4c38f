package org.grassroots.problems;

import static org.grassroots.problems.ProblemCommandSupport.blankToNull;
import static org.grassroots.problems.ProblemCommandSupport.changes;
import static org.grassroots.problems.ProblemCommandSupport.clearRecognition;
import static org.grassroots.problems.ProblemCommandSupport.required;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.problems.ProblemCommands.Assign;
import org.grassroots.problems.ProblemCommands.Decide;
import org.grassroots.problems.ProblemCommands.Delegate;
import org.grassroots.problems.ProblemCommands.Escalate;
import org.grassroots.problems.ProblemCommands.Split;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch: the handling unit accepts or declines a problem and hands it down the tree (assign,
 * delegate, split) or up it (escalate), and decides whether its title is public.
 */
@Service
public class ProblemDispatch {

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final UnitManagement units;

	private final Clock clock;

	private final InputCheck input;

	ProblemDispatch(ProblemCommandSupport support, ProblemRepository problems, UnitManagement units, Clock clock,
			InputCheck input) {
		this.support = support;
		this.problems = problems;
		this.units = units;
		this.clock = clock;
		this.input = input;
	}

	@Transactional
	public Problem accept(long id, Decide command, CurrentUser user) {
		input.check(command);
		return support.transition(id, ProblemAction.ACCEPT, command.version(), user, command.note(), true,
				problem -> changes("state", ProblemState.ACCEPTED, "first_action_at", clock.instant()));
	}

	@Transactional
	public Problem decline(long id, Decide command, CurrentUser user) {
		input.check(command);
		String reason = required(command.note(), "note");
		return support.transition(id, ProblemAction.DECLINE, command.version(), user, reason, true,
				problem -> changes("state", ProblemState.DECLINED, "first_action_at", clock.instant(), "decline_reason",
						reason));
	}

	/** Hands the problem to a unit (the handling unit itself or one below it) and a person, with a deadline. */
	@Transactional
	public Problem assign(long id, Assign command, CurrentUser user) {
		input.check(command);
		Problem problem = support.get(id, user);
		Unit target = unitAtOrBelow(command.unitId(), problem.handlingUnitPath(), false);
		Instant deadline = deadline(problem, command.deadline());
		Problem after = support.transition(id, ProblemAction.ASSIGN, command.version(), user,
				target.nameZh() + (blankToNull(command.person()) == null ? "" : " / " + command.person().trim()), true,
				before -> assignment(before, target, command, deadline));
		return handedTo(after, target, "ASSIGNED");
	}

	private Map<String, @Nullable Object> assignment(Problem before, Unit target, Assign command, Instant deadline) {
		Map<String, @Nullable Object> changes = changes("state", ProblemState.ASSIGNED, "responsible_unit_id", target.id(),
				"responsible_unit_path", target.path(), "responsible_person", blankToNull(command.person()),
				"assigned_by_unit_id", before.handlingUnitId(), "assigned_by_unit_path", before.handlingUnitPath(),
				"deadline", deadline, "overdue", deadline.isBefore(clock.instant()), "deadline_notified", false);
		changes.put("first_action_at", before.firstActionAt() == null ? clock.instant() : before.firstActionAt());
		if (command.standard() != null && !command.standard().isBlank()) {
			changes.put("standard", command.standard().trim());
		}
		clearRecognition(changes);
		return changes;
	}

	/** Passes the dispatching down to a unit below, which then assigns it. */
	@Transactional
	public Problem delegate(long id, Delegate command, CurrentUser user) {
		input.check(command);
		Problem problem = support.get(id, user);
		Unit target = unitAtOrBelow(command.unitId(), problem.handlingUnitPath(), true);
		Problem after = support.transition(id, ProblemAction.DELEGATE, command.version(), user, target.nameZh(), true,
				before -> changes("state", ProblemState.ACCEPTED, "handling_unit_id", target.id(), "handling_unit_path",
						target.path()));
		return handedTo(after, target, "DELEGATED");
	}

	/**
	 * Splits the problem into one child per unit, each assigned at once; the parent stays with the
	 * handling unit and can close only when every child has closed.
	 */
	@Transactional
	public Problem split(long id, Split command, CurrentUser user) {
		input.check(command);
		Problem problem = support.get(id, user);
		List<Unit> targets = command.unitIds().stream().distinct()
			.map(unitId -> unitAtOrBelow(unitId, problem.handlingUnitPath(), true))
			.toList();
		Instant deadline = deadline(problem, command.deadline());
		Problem after = support.transition(id, ProblemAction.SPLIT, command.version(), user,
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
		Unit handling = support.unit(parent.handlingUnitId());
		Map<String, @Nullable Object> row = support.newRow(support.unit(parent.raisingUnitId()), handling, null,
				parent.source(), support.category(parent.categoryCode()), now);
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
		Problem inserted = support.insert(row, support.unit(parent.raisingUnitId()), null);
		long childId = inserted.id();
		problems.addParty(childId, target.path());
		problems.insertEvent(childId, ProblemAction.SPLIT, null, ProblemState.ASSIGNED, user.displayName(),
				handling, parent.ledgerNo(), true, now);
		Problem child = support.reported(inserted, null);
		support.notice("ASSIGNED", child, List.of(target.path()), "0");
	}

	/** Up to an upper unit (by default the parent of the unit holding it), which takes it over or reassigns it. */
	@Transactional
	public Problem escalate(long id, Escalate command, CurrentUser user) {
		input.check(command);
		Problem problem = support.get(id, user);
		Unit holder = support.unit(problem.holderUnitId());
		Unit target = command.unitId() == null ? support.parentOf(holder)
				: support.named(command.unitId(), user,
						unit -> holder.path().startsWith(unit.path()) && holder.id() != unit.id(),
						"problems.error.not-upper-unit");
		Problem after = support.transition(id, ProblemAction.ESCALATE, command.version(), user, command.reason(), true,
				before -> {
					Map<String, @Nullable Object> changes = changes("state", ProblemState.ACCEPTED, "handling_unit_id",
							target.id(), "handling_unit_path", target.path(), "responsible_unit_id", null,
							"responsible_unit_path", null, "responsible_person", null, "assigned_by_unit_id", null,
							"assigned_by_unit_path", null);
					clearRecognition(changes);
					return changes;
				});
		return handedTo(after, target, "ESCALATED");
	}

	/**
	 * The handling unit or a unit above shows the title to the public (the duplicate hint, reports
	 * linked to it) or withdraws it, for example when it names a person.
	 */
	@Transactional
	public Problem publish(long id, ProblemCommands.Publish command, CurrentUser user) {
		input.check(command);
		return support.transition(id, ProblemAction.PUBLISH, command.version(), user,
				command.titlePublic() ? "PUBLIC" : "INTERNAL", false,
				problem -> changes("state", problem.state(), "title_public", command.titlePublic()));
	}

	/** The unit the problem went to becomes a party, so it sees the problem, and gets a notice. */
	private Problem handedTo(Problem after, Unit target, String kind) {
		problems.addParty(after.id(), target.path());
		support.notice(kind, after, List.of(target.path()), String.valueOf(after.version()));
		return after;
	}

	/** A unit in the subtree of the given path: the unit itself too unless strictly below is asked. */
	private Unit unitAtOrBelow(long unitId, String path, boolean strictlyBelow) {
		Unit target = units.get(unitId, new DataScope(false, Set.of(path), Set.of()));
		if (strictlyBelow && target.path().equals(path)) {
			throw DomainException.invalid("problems.error.not-below", target.nameZh());
		}
		return target;
	}

	/** The deadline given, else the last milestone's, else the category's limit for the urgency from now. */
	private Instant deadline(Problem problem, @Nullable Instant given) {
		if (given != null) {
			support.checkFuture(given);
			return given;
		}
		List<Milestone> milestones = problems.milestones(problem.id());
		if (!milestones.isEmpty()) {
			return milestones.get(milestones.size() - 1).deadline();
		}
		return clock.instant()
			.plus(Duration.ofHours(support.category(problem.categoryCode()).hoursFor(problem.urgency())));
	}

}
