package org.grassroots.problems;

import static org.grassroots.problems.ProblemCommandSupport.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.grassroots.problems.ProblemCommands.ActOnSummons;
import org.grassroots.problems.ProblemCommands.ReportIn;
import org.grassroots.problems.ProblemCommands.Summon;
import org.grassroots.problems.ProblemCommands.Supervise;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision, summons and deadlines: an upper unit pushes a problem, a street summons its
 * district's departments, and the deadline job flags overdue problems and warns of near deadlines.
 */
@Service
public class ProblemSupervision {

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final WorkRepository work;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InputCheck input;

	private final Duration emergencyReportIn;

	private final Duration generalReportIn;

	ProblemSupervision(ProblemCommandSupport support, ProblemRepository problems, WorkRepository work,
			ApplicationEventPublisher events, Clock clock, InputCheck input,
			@Value("${grassroots.problems.summons-emergency-minutes:30}") long emergencyMinutes,
			@Value("${grassroots.problems.summons-general-hours:24}") long generalHours) {
		this.support = support;
		this.problems = problems;
		this.work = work;
		this.events = events;
		this.clock = clock;
		this.input = input;
		this.emergencyReportIn = Duration.ofMinutes(emergencyMinutes);
		this.generalReportIn = Duration.ofHours(generalHours);
	}

	@Transactional
	public Problem supervise(long id, Supervise command, CurrentUser user) {
		input.check(command);
		Unit mine = support.unit(user.unitId());
		Problem after = support.transition(id, ProblemAction.SUPERVISE, command.version(), user, command.reason(), false,
				problem -> changes("state", problem.state(), "supervised", true, "priority", problem.priority() + 1));
		work.insertSupervision(id, mine.id(), mine.nameZh(), command.reason().trim(), false, user.displayName(),
				clock.instant());
		support.noticeHolder("SUPERVISED", after);
		return after;
	}

	/** A street summons departments of its district; each must report in within the limit. */
	@Transactional
	public Problem summon(long id, Summon command, CurrentUser user) {
		input.check(command);
		Problem problem = support.permitted(id, ProblemAction.SUMMON, user);
		Unit street = support.unit(user.unitId());
		if (street.level() != UnitLevel.STREET || street.kind() == UnitKind.DEPARTMENT) {
			throw DomainException.forbidden("problems.error.summons-street");
		}
		List<Unit> departments = departmentsOf(support.parentOf(street), command, user);
		Instant now = clock.instant();
		Instant due = now.plus(command.isEmergency() ? emergencyReportIn : generalReportIn);
		long summonsId = work.insertSummons(id, street.id(), command.reason().trim(), command.isEmergency(), due,
				user.displayName(), now);
		for (Unit department : departments) {
			work.insertSummonedDepartment(summonsId, department.id(), department.path(), department.nameZh());
			problems.addParty(id, department.path());
		}
		String names = String.join("、", departments.stream().map(Unit::nameZh).toList());
		support.recordStep(problem, ProblemAction.SUMMON, user, street, names + ": " + command.reason().trim(),
				names, now);
		List<String> paths = departments.stream().map(Unit::path).toList();
		support.notice("SUMMONED", problem, paths, "summons-" + summonsId);
		support.messageSummoned(problem, paths, summonsId, command.isEmergency());
		return support.reload(id);
	}

	/** The departments named in the summons, each one directly under the street's district. */
	private List<Unit> departmentsOf(Unit district, Summon command, CurrentUser user) {
		return command.departmentUnitIds().stream().distinct()
			.map(unitId -> support.named(unitId, user, department -> department.kind() == UnitKind.DEPARTMENT
					&& department.parentId() != null && department.parentId() == district.id(),
					"problems.error.not-district-department"))
			.toList();
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
		Problem problem = support.permitted(id, action, user);
		long summonsId = work.pendingSummons(id, user.unitPath()).orElseThrow();
		if (!step.apply(summonsId)) {
			throw DomainException.conflict(action == ProblemAction.REPORT_IN ? "problems.error.already-reported-in"
					: "problems.error.report-in-first");
		}
		support.recordStep(problem, action, user, support.unit(user.unitId()), note.trim(), note,
				clock.instant());
		return support.reload(id);
	}

	/** Flags one overdue problem found by the deadline job; each flag is its own audited change. */
	@Transactional
	public void flagOverdue(long id) {
		Problem before = support.reload(id);
		if (before.overdue() || !before.state().isOpen()) {
			return;
		}
		Instant now = clock.instant();
		// another node or a command got there first: nothing left to flag
		if (!problems.update(id, before.version(), changes("overdue", true), now)) {
			return;
		}
		problems.insertEvent(id, ProblemAction.FLAG_OVERDUE, before.state(), before.state(), TimelineEntry.SYSTEM, null, null, false,
				now);
		Problem after = support.reload(id);
		events.publishEvent(new ProblemChanged(ProblemAction.FLAG_OVERDUE, before, after, null, TimelineEntry.SYSTEM));
		support.notice("OVERDUE", after, List.of(after.holderUnitPath()), String.valueOf(after.deadline()));
	}

	/** Notifies the unit holding a problem whose deadline falls within three days, once per deadline. */
	@Transactional
	public void noticeDeadlineSoon(long id) {
		Problem problem = support.reload(id);
		if (problems.markDeadlineNotified(id)) {
			support.notice("DEADLINE_SOON", problem, List.of(problem.holderUnitPath()), String.valueOf(problem.deadline()));
		}
	}

}
