package org.grassroots.lifeevents;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.ApplicationRepository;
import org.grassroots.lifeevents.internal.CatalogueRepository;
import org.grassroots.lifeevents.internal.TaskFlow;
import org.grassroots.lifeevents.internal.Views;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's own applications after filing: following them, answering a request for material once,
 * adding a document, and rating the one result. Anyone else's application answers 404.
 */
@Service
public class MyApplications {

	private final CatalogueRepository catalogue;

	private final ApplicationRepository applications;

	private final FileStore files;

	private final TaskFlow flow;

	private final Views views;

	private final InputCheck input;

	MyApplications(CatalogueRepository catalogue, ApplicationRepository applications, FileStore files, TaskFlow flow,
			Views views, InputCheck input) {
		this.catalogue = catalogue;
		this.applications = applications;
		this.files = files;
		this.flow = flow;
		this.views = views;
		this.input = input;
	}

	/** The person's own applications, newest first. */
	@Transactional(readOnly = true)
	public List<Application> mine(CurrentUser user) {
		return applications.ofApplicant(user.accountId());
	}

	/** One of the person's own applications, with their own values in full; 404 for anyone else's. */
	@Transactional(readOnly = true)
	public ApplicationView mine(long id, CurrentUser user) {
		Application application = applications.findOwn(id, user.accountId())
			.orElseThrow(() -> new NotFoundException("application", id));
		return views.of(application, true);
	}

	/** The id of the person's own application with this reference number; 404 otherwise. */
	@Transactional(readOnly = true)
	public long mineByReference(String reference, CurrentUser user) {
		return applications.idOfReference(reference)
			.filter(id -> applications.findOwn(id, user.accountId()).isPresent())
			.orElseThrow(() -> new NotFoundException("application", reference));
	}

	/**
	 * Answers every item of the task's open request at once (a text and/or a file each); the task goes
	 * back to its department. A partial answer is refused with nothing written.
	 */
	@Transactional
	public ApplicationView answer(long applicationId, long taskId, LifeEventCommands.Answer command,
			Map<Integer, Upload> uploads, CurrentUser user) {
		input.check(command);
		Application application = applications.findOwn(applicationId, user.accountId())
			.orElseThrow(() -> new NotFoundException("application", applicationId));
		DepartmentTask task = applications.tasks(applicationId).stream()
			.filter(candidate -> candidate.id() == taskId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("task", taskId));
		MaterialRequest request = applications.requests(applicationId).stream()
			.filter(candidate -> candidate.open() && candidate.taskId() == taskId)
			.findFirst()
			.orElseThrow(() -> DomainException.conflict("le.error.no-open-request"));
		if (!TaskRules.from(TaskRules.Step.ANSWER_MATERIAL).contains(task.state()) || application.state() != ApplicationState.OPEN) {
			throw DomainException.conflict("le.error.no-open-request");
		}
		for (int i = 0; i < request.items().size(); i++) {
			String text = i < command.answers().size() ? command.answers().get(i) : null;
			Upload upload = uploads.get(i);
			if ((text == null || text.isBlank()) && (upload == null || upload.isEmpty())) {
				throw DomainException.invalid("le.error.material-partial", i + 1, request.items().get(i).description());
			}
			if (upload != null && !upload.isEmpty()) {
				FileStore.check(upload);
			}
		}
		// the clock stops while the resident gathers what was asked for (补正期间不计时)
		int paused = flow.workingDaysSince(LocalDate.ofInstant(request.requestedAt(), Times.ZONE));
		Map<String, @Nullable Object> taskChanges = new HashMap<>();
		taskChanges.put("state", TaskRules.to(TaskRules.Step.ANSWER_MATERIAL));
		if (paused > 0 && task.deadline() != null) {
			LocalDate deadline = flow.addWorkingDays(task.deadline(), paused);
			taskChanges.put("deadline", deadline);
			taskChanges.put("overdue", deadline.isBefore(flow.today()));
		}
		if (!applications.moveTask(task.id(), command.version(), taskChanges)
				|| !applications.closeRequest(request.id(), flow.now())) {
			throw DomainException.staleVersion();
		}
		for (int i = 0; i < request.items().size(); i++) {
			String text = i < command.answers().size() ? command.answers().get(i) : null;
			Upload upload = uploads.get(i);
			FileStore.Stored stored = upload == null || upload.isEmpty() ? null : files.store(upload);
			applications.answerItem(request.items().get(i).id(), text == null || text.isBlank() ? null : text.strip(), stored,
					upload == null ? null : upload.fileName());
		}
		Map<String, @Nullable Object> applicationChanges = new HashMap<>();
		if (paused > 0) {
			LocalDate deadline = flow.addWorkingDays(application.deadline(), paused);
			applicationChanges.put("deadline", deadline);
			applicationChanges.put("overdue", deadline.isBefore(flow.today()));
		}
		flow.change(application, ApplicationAction.MATERIAL_ANSWERED, applicationChanges);
		return mine(applicationId, user);
	}

	/** A document of the person's own application. */
	@Transactional(readOnly = true)
	public DocumentFile document(long id, long documentId, CurrentUser user) {
		applications.findOwn(id, user.accountId()).orElseThrow(() -> new NotFoundException("application", id));
		return applications.documentFile(id, documentId)
			.map(file -> new DocumentFile(file.fileName(), file.contentType(), file.size(), files.path(file.storageKey())))
			.orElseThrow(() -> new NotFoundException("document", documentId));
	}

	/** Adds (or replaces) a document of an open application, e.g. when the API uploads it after filing. */
	@Transactional
	public ApplicationView addDocument(long id, String code, Upload upload, CurrentUser user) {
		Application application = applications.findOwn(id, user.accountId())
			.orElseThrow(() -> new NotFoundException("application", id));
		if (application.state() != ApplicationState.OPEN) {
			throw DomainException.conflict("le.error.application-closed");
		}
		RequiredDocument document = catalogue.version(application.eventCode(), application.eventVersion())
			.orElseThrow()
			.definition()
			.documents()
			.stream()
			.filter(candidate -> candidate.code().equals(code))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("le.error.document-unknown", code));
		FileStore.Stored stored = files.store(upload);
		applications.removeDocument(id, code);
		applications.insertDocument(id, code, document.nameZh(), document.nameEn(), new ApplicationRepository.StoredFile(
				upload.fileName(), stored.contentType(), stored.size(), stored.sha256(), stored.storageKey()), false, flow.now());
		flow.change(application, null, Map.of());
		return mine(id, user);
	}

	/** Rates a completed application, once. */
	@Transactional
	public ApplicationView rate(long id, LifeEventCommands.Rate command, CurrentUser user) {
		input.check(command);
		Application application = applications.findOwn(id, user.accountId())
			.orElseThrow(() -> new NotFoundException("application", id));
		if (application.state() != ApplicationState.COMPLETED) {
			throw DomainException.conflict("le.error.rate-not-completed");
		}
		if (application.rating() != null) {
			throw DomainException.conflict("le.error.rated");
		}
		if (application.version() != command.version()) {
			throw DomainException.staleVersion();
		}
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("rating", command.rating());
		changes.put("rating_comment", command.comment() == null || command.comment().isBlank() ? null : command.comment().strip());
		changes.put("rated_at", flow.now());
		flow.change(application, ApplicationAction.RATED, changes);
		return mine(id, user);
	}

}
