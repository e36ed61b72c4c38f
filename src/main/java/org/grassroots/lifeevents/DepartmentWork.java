package org.grassroots.lifeevents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.ApplicationRepository;
import org.grassroots.lifeevents.internal.TaskFlow;
import org.grassroots.lifeevents.internal.Views;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.files.FileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's side: the work queue of the officer's own department unit and the actions on a task
 * (accept, complete with a result, reject with a reason, one request for material). A task of another
 * department, or of another district, answers 404.
 */
@Service
public class DepartmentWork {

	private final ApplicationRepository applications;

	private final TaskFlow flow;

	private final FileStore files;

	private final Views views;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	DepartmentWork(ApplicationRepository applications, TaskFlow flow, FileStore files, Views views,
			ApplicationEventPublisher events, InputCheck input) {
		this.input = input;
		this.applications = applications;
		this.flow = flow;
		this.files = files;
		this.views = views;
		this.events = events;
	}

	/** A task with its application as its department sees it (personal values masked). */
	public record TaskView(DepartmentTask task, ApplicationView application) {

	}

	/** The tasks of the officer's department the filter finds; never a WAITING one. */
	@Transactional(readOnly = true)
	public List<QueueEntry> queue(TaskFilter filter, CurrentUser user) {
		return user.isStaff() ? applications.queue(user.unitId(), filter) : List.of();
	}

	/** How many of the department's tasks are in each state (and OVERDUE). */
	@Transactional(readOnly = true)
	public Map<String, Long> counts(CurrentUser user) {
		return user.isStaff() ? applications.queueCounts(user.unitId()) : Map.of();
	}

	@Transactional(readOnly = true)
	public TaskView task(long taskId, CurrentUser user) {
		DepartmentTask task = own(taskId, user);
		Application application = applications.find(task.applicationId()).orElseThrow();
		return new TaskView(task, views.of(application, false));
	}

	/** The application's personal values in full, for the officer handling one of its tasks; audited with the reason. */
	@Transactional
	public List<FieldValue> showInFull(long taskId, LifeEventCommands.ViewInFull command, CurrentUser user) {
		input.check(command);
		DepartmentTask task = own(taskId, user);
		Application application = applications.find(task.applicationId()).orElseThrow();
		events.publishEvent(new ApplicationDataViewed(application.id(), task.id(), application.reference(),
				task.departmentPath(), command.reason().strip()));
		return views.values(application.id(), true);
	}

	/** A document of the application, for the officer handling one of its tasks. */
	@Transactional(readOnly = true)
	public DocumentFile document(long taskId, long documentId, CurrentUser user) {
		DepartmentTask task = own(taskId, user);
		return applications.documentFile(task.applicationId(), documentId)
			.map(file -> new DocumentFile(file.fileName(), file.contentType(), file.size(), files.path(file.storageKey())))
			.orElseThrow(() -> new NotFoundException("document", documentId));
	}

	/** A file the resident gave in answer to this task's request for material. */
	@Transactional(readOnly = true)
	public DocumentFile answerFile(long taskId, long itemId, CurrentUser user) {
		DepartmentTask task = own(taskId, user);
		return applications.answerFile(task.id(), itemId)
			.map(file -> new DocumentFile(file.fileName(), file.contentType(), file.size(), files.path(file.storageKey())))
			.orElseThrow(() -> new NotFoundException("answer file", itemId));
	}

	@Transactional
	public TaskView accept(long taskId, LifeEventCommands.Step command, CurrentUser user) {
		DepartmentTask task = workable(taskId, command.version(), user, TaskRules.Step.ACCEPT);
		move(task, command.version(), Map.of("state", TaskRules.to(TaskRules.Step.ACCEPT), "acted_by", user.getUsername()));
		events.publishEvent(new TaskChanged(TaskAction.ACCEPTED, task.id(), task.applicationId(), task.departmentPath()));
		flow.change(application(task), null, Map.of());
		return task(taskId, user);
	}

	/** Completes the task with its result; what waited for it starts; the last one completes the application. */
	@Transactional
	public TaskView complete(long taskId, LifeEventCommands.Complete command, CurrentUser user) {
		input.check(command);
		DepartmentTask task = workable(taskId, command.version(), user, TaskRules.Step.COMPLETE);
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", TaskRules.to(TaskRules.Step.COMPLETE));
		changes.put("result_note", command.result().strip());
		changes.put("acted_by", user.getUsername());
		changes.put("finished_at", flow.now());
		move(task, command.version(), changes);
		events.publishEvent(new TaskChanged(TaskAction.COMPLETED, task.id(), task.applicationId(), task.departmentPath()));
		flow.advance(application(task));
		return task(taskId, user);
	}

	/** Rejects the task: the whole application goes back to the resident with this reason. */
	@Transactional
	public TaskView reject(long taskId, LifeEventCommands.Reject command, CurrentUser user) {
		input.check(command);
		DepartmentTask task = workable(taskId, command.version(), user, TaskRules.Step.REJECT);
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", TaskRules.to(TaskRules.Step.REJECT));
		changes.put("reject_category", command.category());
		changes.put("reject_reason", command.reason().strip());
		changes.put("acted_by", user.getUsername());
		changes.put("finished_at", flow.now());
		move(task, command.version(), changes);
		events.publishEvent(new TaskChanged(TaskAction.REJECTED, task.id(), task.applicationId(), task.departmentPath()));
		flow.returnApplication(application(task), command.category().name(), command.reason().strip(), task.id());
		return task(taskId, user);
	}

	/** Asks the resident, once, for everything missing; a second request while one is open is refused. */
	@Transactional
	public TaskView requestMaterial(long taskId, LifeEventCommands.RequestMaterial command, CurrentUser user) {
		input.check(command);
		DepartmentTask task = own(taskId, user);
		if (task.state() == TaskState.MATERIAL_REQUESTED) {
			throw DomainException.conflict("le.error.material-open");
		}
		workable(taskId, command.version(), user, TaskRules.Step.REQUEST_MATERIAL);
		List<String> items = command.items().stream().filter(item -> !item.isBlank()).toList();
		if (items.isEmpty()) {
			throw DomainException.invalid("le.error.material-empty");
		}
		move(task, command.version(), Map.of("state", TaskRules.to(TaskRules.Step.REQUEST_MATERIAL), "acted_by", user.getUsername()));
		applications.insertRequest(task.id(), task.applicationId(), user.getUsername(), flow.now(), items);
		events.publishEvent(new TaskChanged(TaskAction.MATERIAL_REQUESTED, task.id(), task.applicationId(),
				task.departmentPath()));
		flow.change(application(task), null, Map.of());
		return task(taskId, user);
	}

	/** The officer's own department's task, else 404. */
	private DepartmentTask own(long taskId, CurrentUser user) {
		if (!user.isStaff()) {
			throw new NotFoundException("task", taskId);
		}
		return applications.taskOfDepartment(taskId, user.unitId()).orElseThrow(() -> new NotFoundException("task", taskId));
	}

	/** The task if it is in one of the states the action starts from and at the version seen; 409 otherwise. */
	private DepartmentTask workable(long taskId, int version, CurrentUser user, TaskRules.Step step) {
		DepartmentTask task = own(taskId, user);
		if (!TaskRules.from(step).contains(task.state())) {
			throw DomainException.conflict("le.error.task-state", new DefaultMessageSourceResolvable("le.task.state." + task.state().name()));
		}
		if (task.version() != version) {
			throw DomainException.staleVersion();
		}
		return task;
	}

	private void move(DepartmentTask task, int version, Map<String, @Nullable Object> changes) {
		if (!applications.moveTask(task.id(), version, changes)) {
			throw DomainException.staleVersion();
		}
	}

	private Application application(DepartmentTask task) {
		Application application = applications.find(task.applicationId()).orElseThrow();
		if (application.state() != ApplicationState.OPEN) {
			throw DomainException.conflict("le.error.application-closed");
		}
		return application;
	}

}
