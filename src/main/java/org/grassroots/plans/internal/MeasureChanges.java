package org.grassroots.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.plans.MeasureStatus;
import org.grassroots.plans.PlanCommands;
import org.grassroots.plans.ProgressReport;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.plans.WorkMeasureChanged;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a change of a measure and publishes what it changed: the audit event and the figures
 * for the dashboard, inside the caller's transaction. Every path that changes a measure (a
 * person, the deadline job, a problem's closing) comes through here, so none forgets the figures.
 */
@Component
public class MeasureChanges {

	private final MeasureRepository measures;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MeasureChanges(MeasureRepository measures, FileStore files, ApplicationEventPublisher events, Clock clock) {
		this.measures = measures;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records progress: the amount achieved after it, what made it and the files sent with it; the
	 * status follows (docs/plans.md, "States").
	 *
	 * @throws DomainException 409 when the measure changed since {@code current} was read
	 */
	public WorkMeasure progress(WorkMeasure current, ProgressReport.Kind kind, int achieved, @Nullable String note,
			List<Upload> uploads, String by, @Nullable String actorName, String auditKind) {
		// every file checked before anything is written: a bad one refuses the whole report
		uploads.forEach(FileStore::check);
		MeasureStatus status = next(current, kind, achieved);
		boolean done = status.isDone() && !current.status().isDone();
		WorkMeasure changed = current.with(achieved, status, done ? clock.instant() : current.doneAt(),
				done ? today() : current.doneOn());
		if (!measures.save(changed, clock.instant())) {
			throw DomainException.staleVersion();
		}
		long report = measures.insertProgress(current.id(), kind, achieved, achieved - current.progress(), note, by,
				clock.instant());
		for (Upload upload : uploads) {
			FileStore.Stored stored = files.store(upload);
			measures.insertEvidence(current.id(), report, fileName(upload), stored, by, clock.instant());
		}
		return published(auditKind, current, null, actorName);
	}

	/** Marks an overdue measure; false when it changed meanwhile (the next run looks again). */
	public boolean overdue(WorkMeasure current) {
		if (!measures.save(current.with(current.progress(), MeasureStatus.OVERDUE, null, null), clock.instant())) {
			return false;
		}
		published("MEASURE_OVERDUE", current, null, "system");
		return true;
	}

	/** Bumps the version after a change beside the measure row (a milestone, a link) and publishes it. */
	public WorkMeasure touched(WorkMeasure current, String auditKind, @Nullable String detail) {
		if (!measures.touch(current.id(), current.version(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		return published(auditKind, current, detail, null);
	}

	/**
	 * Writes a measure's new definition. The status follows it: a target now reached makes it done;
	 * an overdue measure whose deadline moved to today or later is running again (or planned, with
	 * no report yet); done stays done.
	 */
	public WorkMeasure redefined(WorkMeasure current, PlanCommands.EditMeasure edit) {
		MeasureStatus status = current.status();
		boolean reached = edit.targetAmount() != null && current.progress() >= edit.targetAmount();
		if (!status.isDone() && reached) {
			status = MeasureStatus.DONE;
		}
		else if (status == MeasureStatus.OVERDUE && !edit.deadline().isBefore(today())) {
			status = measures.reportCount(current.id()) > 0 ? MeasureStatus.IN_PROGRESS : MeasureStatus.PLANNED;
		}
		boolean done = status.isDone() && !current.status().isDone();
		WorkMeasure next = current.with(current.progress(), status, done ? clock.instant() : current.doneAt(),
				done ? today() : current.doneOn());
		if (!measures.redefine(next, edit, clock.instant())) {
			throw DomainException.staleVersion();
		}
		return published("MEASURE_UPDATED", current, null, null);
	}

	/** Publishes a new measure: its audit record and its first figures. */
	public void created(WorkMeasure measure) {
		events.publishEvent(new WorkMeasureChanged("MEASURE_CREATED", null, measure, null, null));
		events.publishEvent(MeasureFigures.of(measure));
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	private WorkMeasure published(String auditKind, WorkMeasure before, @Nullable String detail,
			@Nullable String actorName) {
		WorkMeasure after = measures.find(before.id()).orElseThrow();
		events.publishEvent(new WorkMeasureChanged(auditKind, before, after, detail, actorName));
		events.publishEvent(MeasureFigures.of(after));
		return after;
	}

	/** First progress starts the measure; reaching the target finishes it, overdue or not; done stays done. */
	static MeasureStatus next(WorkMeasure current, ProgressReport.Kind kind, int achieved) {
		if (current.status().isDone() || kind == ProgressReport.Kind.DONE) {
			return MeasureStatus.DONE;
		}
		if (current.targetAmount() != null && achieved >= current.targetAmount()) {
			return MeasureStatus.DONE;
		}
		return current.status() == MeasureStatus.OVERDUE ? MeasureStatus.OVERDUE : MeasureStatus.IN_PROGRESS;
	}

	private static String fileName(Upload upload) {
		String name = upload.fileName().replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
		if (name.isEmpty()) {
			return "evidence";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
