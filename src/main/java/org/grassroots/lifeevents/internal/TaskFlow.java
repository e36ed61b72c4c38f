package org.grassroots.lifeevents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationAction;
import org.grassroots.lifeevents.ApplicationChanged;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.DepartmentTask;
import org.grassroots.lifeevents.TaskState;
import org.grassroots.lifeevents.WorkingCalendar;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How an application moves once something happened to it: waiting tasks whose predecessors are all
 * completed (and, after consent, whose consent is confirmed) start in their department's queue with
 * their own deadline; when every task is completed the application completes; a rejection returns it
 * and withdraws the other open tasks. Every change bumps the application's version (so concurrent
 * commands on one application line up) and publishes its figures.
 */
@Component
public class TaskFlow {

	private final ApplicationRepository applications;

	private final WorkingCalendar workingDays;

	private final LifeEventFigures figures;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskFlow(ApplicationRepository applications, WorkingCalendar workingDays, LifeEventFigures figures,
			ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.workingDays = workingDays;
		this.figures = figures;
		this.events = events;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), Times.ZONE);
	}

	/** The working days from a day up to today: how long a request for material stopped the clock. */
	public int workingDaysSince(LocalDate day) {
		return workingDays.workingDaysBetween(day, today());
	}

	public LocalDate addWorkingDays(LocalDate start, int days) {
		return workingDays.addWorkingDays(start, days);
	}

	/** Starts every waiting task that may start now; the application's consent as given. */
	public void release(Application application) {
		List<DepartmentTask> tasks = applications.tasks(application.id());
		Set<String> completed = tasks.stream()
			.filter(task -> task.state() == TaskState.COMPLETED)
			.map(DepartmentTask::code)
			.collect(Collectors.toSet());
		boolean consented = "CONFIRMED".equals(application.consent());
		LocalDate today = today();
		for (DepartmentTask task : tasks) {
			if (task.state() == TaskState.WAITING && completed.containsAll(task.waitsFor())
					&& (!task.afterConsent() || consented)) {
				Map<String, @Nullable Object> changes = new HashMap<>();
				changes.put("state", TaskState.PENDING);
				changes.put("started_on", today);
				changes.put("deadline", workingDays.addWorkingDays(today, task.timeLimitDays()));
				if (!applications.moveTask(task.id(), task.version(), changes)) {
					throw DomainException.staleVersion();
				}
			}
		}
	}

	/**
	 * After a task's change: starts what may start, completes the application when every task is
	 * completed, and bumps its version either way.
	 */
	public Application advance(Application application) {
		release(application);
		boolean done = applications.tasks(application.id()).stream().allMatch(task -> task.state() == TaskState.COMPLETED);
		if (done) {
			Map<String, @Nullable Object> changes = new HashMap<>();
			changes.put("state", ApplicationState.COMPLETED);
			changes.put("completed_at", now());
			// settled by the day it completed, so the list's "on time" and the figure's agree at once
			changes.put("overdue", today().isAfter(application.deadline()));
			return change(application, ApplicationAction.COMPLETED, changes);
		}
		return change(application, null, Map.of());
	}

	/** Returns the application with a reason and withdraws every task still open. */
	public Application returnApplication(Application application, String category, String reason, @Nullable Long taskId) {
		for (DepartmentTask task : applications.tasks(application.id())) {
			if (task.state().open() && (taskId == null || task.id() != taskId)
					&& !applications.moveTask(task.id(), task.version(), Map.of("state", TaskState.WITHDRAWN))) {
				throw DomainException.staleVersion();
			}
		}
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", ApplicationState.RETURNED);
		changes.put("returned_at", now());
		changes.put("return_category", category);
		changes.put("return_reason", reason);
		changes.put("return_task_id", taskId);
		return change(application, ApplicationAction.RETURNED, changes);
	}

	/**
	 * Writes the application's change from the version it was read at (409 if someone changed it
	 * since), publishes the audited event if there is an action, and the figures always.
	 */
	public Application change(Application application, @Nullable ApplicationAction action,
			Map<String, @Nullable Object> changes) {
		if (!applications.moveApplication(application.id(), application.version(), changes)) {
			throw DomainException.staleVersion();
		}
		Application changed = applications.find(application.id()).orElseThrow();
		if (action != null) {
			events.publishEvent(new ApplicationChanged(action, changed.id(), changed.reference(), changed.communityPath()));
		}
		events.publishEvent(figures.of(changed));
		return changed;
	}

	/** Publishes the figures of a new application (version 0). */
	public void filed(Application application) {
		events.publishEvent(new ApplicationChanged(ApplicationAction.FILED, application.id(), application.reference(),
				application.communityPath()));
		events.publishEvent(figures.of(application));
	}

}
