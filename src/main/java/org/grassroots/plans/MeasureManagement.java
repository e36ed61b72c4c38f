package org.grassroots.plans;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.grassroots.plans.internal.MeasureChanges;
import org.grassroots.plans.internal.MeasureRepository;
import org.grassroots.plans.internal.PlanAccess;
import org.grassroots.plans.internal.PlanRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work measures: added to a plan by whoever writes it; progress, milestones and marking done by
 * whoever works the measure; read by staff whose scope holds the plan's owner or the measure's.
 */
@Service
public class MeasureManagement {

	private final MeasureRepository measures;

	private final PlanRepository plans;

	private final MeasureChanges changes;

	private final PlanManagement planning;

	private final UnitManagement units;

	private final FileStore files;

	private final InputCheck input;

	private final Clock clock;

	MeasureManagement(MeasureRepository measures, PlanRepository plans, MeasureChanges changes, PlanManagement planning,
			UnitManagement units, FileStore files, InputCheck input, Clock clock) {
		this.clock = clock;
		this.measures = measures;
		this.plans = plans;
		this.changes = changes;
		this.planning = planning;
		this.units = units;
		this.files = files;
		this.input = input;
	}

	/** An evidence file's bytes on disk, with what the download needs. */
	public record EvidenceDownload(ProgressReport.Evidence evidence, Path file) {

	}

	@Transactional
	public WorkMeasure addMeasure(long planId, PlanCommands.NewMeasure command, CurrentUser user) {
		input.check(command);
		ResearchPlan plan = planning.written(planId, user);
		Unit owner = owner(plan, command.ownerUnitId());
		check(plan, command);
		long id = measures.insert(plan.id(), plan.ownerUnitPath(), command, owner.id(), owner.path(),
				PlanAccess.districtPath(owner.path()), user.getUsername(), clock.instant());
		if (command.milestones() != null) {
			command.milestones().forEach(milestone -> measures.insertMilestone(id, milestone.title(), milestone.dueOn()));
		}
		WorkMeasure measure = measures.find(id).orElseThrow();
		changes.created(measure);
		return measure;
	}

	/** Whoever writes the plan changes a measure's title, owner person, dates and target; its status follows. */
	@Transactional
	public WorkMeasure editMeasure(long id, PlanCommands.EditMeasure command, CurrentUser user) {
		input.check(command);
		WorkMeasure measure = measure(id, user);
		ResearchPlan plan = planning.written(measure.planId(), user);
		if (measure.version() != command.version()) {
			throw DomainException.staleVersion();
		}
		check(plan, command.startDate(), command.deadline(), command.targetAmount(), command.targetUnit());
		for (MeasureMilestone milestone : measures.milestones(id)) {
			if (milestone.dueOn().isBefore(command.startDate()) || milestone.dueOn().isAfter(command.deadline())) {
				throw DomainException.invalid("plans.error.milestone-due", milestone.title());
			}
		}
		return changes.redefined(measure, command);
	}

	/**
	 * One measure the person may read: its plan's owner unit or its own owner unit in their scope;
	 * 404 otherwise. For other modules (the typical-case library writes a case from a done measure).
	 */
	@Transactional(readOnly = true)
	public WorkMeasure measure(long id, CurrentUser user) {
		return measures.visible(id, PlanManagement.scope(user)).orElseThrow(() -> new NotFoundException("work measure", id));
	}

	@Transactional(readOnly = true)
	public MeasureDetail detail(long id, CurrentUser user) {
		WorkMeasure measure = measure(id, user);
		ResearchPlan plan = plans.find(measure.planId()).orElseThrow();
		return new MeasureDetail(measure, plan, measures.milestones(id), measures.reports(id), measures.problems(id),
				PlanAccess.works(measure, plan, user), PlanAccess.writes(plan.ownerUnitPath(), user));
	}

	/** Reports progress with evidence files (images or PDF); the status follows (docs/plans.md). */
	@Transactional
	public WorkMeasure reportProgress(long id, PlanCommands.ReportProgress command, List<Upload> uploads,
			CurrentUser user) {
		input.check(command);
		WorkMeasure measure = worked(id, command.version(), user);
		if ((command.achieved() == null) == (command.added() == null)) {
			throw DomainException.invalid("plans.error.progress-amount");
		}
		int achieved = command.achieved() != null ? command.achieved() : measure.progress() + command.added();
		return changes.progress(measure, ProgressReport.Kind.REPORT, achieved, blank(command.note()), present(uploads),
				user.getUsername(), null, "MEASURE_PROGRESS_REPORTED");
	}

	/** The owner marks the measure done: with evidence sent now or with an earlier report. */
	@Transactional
	public WorkMeasure complete(long id, PlanCommands.Complete command, List<Upload> uploads, CurrentUser user) {
		input.check(command);
		WorkMeasure measure = worked(id, command.version(), user);
		if (measure.status().isDone()) {
			throw DomainException.conflict("plans.error.done-already", measure.title());
		}
		List<Upload> sent = present(uploads);
		if (sent.isEmpty() && measures.evidenceCount(id) == 0) {
			throw DomainException.invalid("plans.error.done-evidence");
		}
		return changes.progress(measure, ProgressReport.Kind.DONE, measure.progress(), blank(command.note()), sent,
				user.getUsername(), null, "MEASURE_DONE");
	}

	@Transactional
	public WorkMeasure addMilestone(long id, PlanCommands.NewMilestone milestone, int version, CurrentUser user) {
		input.check(milestone);
		WorkMeasure measure = worked(id, version, user);
		if (milestone.dueOn().isBefore(measure.startDate()) || milestone.dueOn().isAfter(measure.deadline())) {
			throw DomainException.invalid("plans.error.milestone-due", milestone.title());
		}
		measures.insertMilestone(id, milestone.title(), milestone.dueOn());
		return changes.touched(measure, "MEASURE_MILESTONE_ADDED", milestone.title());
	}

	@Transactional
	public WorkMeasure completeMilestone(long id, long milestoneId, int version, CurrentUser user) {
		WorkMeasure measure = worked(id, version, user);
		MeasureMilestone milestone = measures.milestones(id)
			.stream()
			.filter(candidate -> candidate.id() == milestoneId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("milestone", milestoneId));
		if (!measures.completeMilestone(id, milestoneId, user.getUsername(), clock.instant())) {
			throw DomainException.conflict("plans.error.milestone-done", milestone.title());
		}
		return changes.touched(measure, "MEASURE_MILESTONE_DONE", milestone.title());
	}

	/** An evidence file of a measure the person may read; anything else is not found. */
	@Transactional(readOnly = true)
	public EvidenceDownload evidence(long id, long evidenceId, CurrentUser user) {
		measure(id, user);
		MeasureRepository.EvidenceFile file = measures.evidence(id, evidenceId)
			.orElseThrow(() -> new NotFoundException("evidence", evidenceId));
		return new EvidenceDownload(file.evidence(), files.path(file.storageKey()));
	}

	/**
	 * A measure the person works, at the version they saw: 404 out of scope, 403 when they only
	 * read it, 409 when it changed since.
	 */
	WorkMeasure worked(long id, int version, CurrentUser user) {
		WorkMeasure measure = measure(id, user);
		ResearchPlan plan = plans.find(measure.planId()).orElseThrow();
		if (!PlanAccess.works(measure, plan, user)) {
			throw DomainException.forbidden("plans.error.not-worker");
		}
		if (measure.version() != version) {
			throw DomainException.staleVersion();
		}
		return measure;
	}

	private Unit owner(ResearchPlan plan, @Nullable Long ownerUnitId) {
		if (ownerUnitId == null) {
			return units.get(plan.ownerUnitId(), DataScope.CITY);
		}
		try {
			return units.get(ownerUnitId, new DataScope(false, Set.of(plan.ownerUnitPath()), Set.of()));
		}
		catch (NotFoundException outside) {
			throw DomainException.invalid("plans.error.owner-unit");
		}
	}

	/** The rules a new measure meets beyond its fields' own (docs/plans.md, "A measure"). */
	private static void check(ResearchPlan plan, PlanCommands.NewMeasure command) {
		check(plan, command.startDate(), command.deadline(), command.targetAmount(), command.targetUnit());
		if (!plan.categoryCodes().contains(command.categoryCode())) {
			throw DomainException.invalid("plans.error.category");
		}
		if (command.milestones() != null) {
			for (PlanCommands.NewMilestone milestone : command.milestones()) {
				if (milestone.dueOn().isBefore(command.startDate()) || milestone.dueOn().isAfter(command.deadline())) {
					throw DomainException.invalid("plans.error.milestone-due", milestone.title());
				}
			}
		}
	}

	private static void check(ResearchPlan plan, LocalDate start, LocalDate deadline,
			@Nullable Integer targetAmount, @Nullable String targetUnit) {
		if (deadline.isBefore(start)) {
			throw DomainException.invalid("plans.error.deadline");
		}
		if (start.isBefore(plan.periodStart()) || deadline.isAfter(plan.periodEnd())) {
			throw DomainException.invalid("plans.error.outside-period", plan.periodStart(), plan.periodEnd());
		}
		boolean unit = targetUnit != null && !targetUnit.isBlank();
		if ((targetAmount == null) != !unit) {
			throw DomainException.invalid(unit ? "plans.error.target-amount" : "plans.error.target-unit");
		}
	}

	private static List<Upload> present(@Nullable List<Upload> uploads) {
		return uploads == null ? List.of() : uploads.stream().filter(upload -> !upload.isEmpty()).toList();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
