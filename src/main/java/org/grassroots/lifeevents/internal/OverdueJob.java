package org.grassroots.lifeevents.internal;

import java.util.Map;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationAction;
import org.grassroots.lifeevents.DepartmentTask;
import org.grassroots.lifeevents.TaskAction;
import org.grassroots.lifeevents.TaskChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Hourly: flags tasks and applications past their deadline (one node at a time). A flag is set once
 * and stays; the pages and the figures show it.
 */
@Component
public class OverdueJob {

	private final ApplicationRepository applications;

	private final TaskFlow flow;

	private final ApplicationEventPublisher events;

	OverdueJob(ApplicationRepository applications, TaskFlow flow, ApplicationEventPublisher events) {
		this.applications = applications;
		this.flow = flow;
		this.events = events;
	}

	// ShedLock locks only methods that return nothing
	@Scheduled(fixedDelayString = "${grassroots.lifeevents.overdue-check:PT1H}", initialDelayString = "${grassroots.lifeevents.overdue-first-check:PT3M}")
	@SchedulerLock(name = "lifeevent-deadlines", lockAtMostFor = "PT1M")
	@Transactional
	public void run() {
		flagOverdue();
	}

	/** Flags what is newly past its deadline; answers how many tasks and applications it flagged. */
	@Transactional
	public int flagOverdue() {
		int flagged = 0;
		for (DepartmentTask task : applications.newlyOverdueTasks(flow.today())) {
			if (applications.moveTask(task.id(), task.version(), Map.of("overdue", true))) {
				events.publishEvent(new TaskChanged(TaskAction.OVERDUE, task.id(), task.applicationId(), task.departmentPath()));
				flagged++;
			}
		}
		for (Application application : applications.newlyOverdue(flow.today())) {
			flow.change(application, ApplicationAction.OVERDUE, Map.of("overdue", true));
			flagged++;
		}
		return flagged;
	}

}
