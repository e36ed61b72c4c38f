package org.grassroots.lifeevents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.ApplicationRepository;
import org.grassroots.lifeevents.internal.CatalogueRepository;
import org.grassroots.lifeevents.internal.DepartmentRepository;
import org.grassroots.lifeevents.internal.FormCheck;
import org.grassroots.lifeevents.internal.TaskFlow;
import org.grassroots.lifeevents.internal.Views;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's side of one thing done at one time: the form with what is already known filled in,
 * filing (reference number, every ready task in its department's queue at once), following their own
 * applications, answering a request for material once, and rating the one result.
 */
@Service
public class LifeEventApplications {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final CatalogueRepository catalogue;

	private final ApplicationRepository applications;

	private final DepartmentRepository departments;

	private final UnitManagement units;

	private final FileStore files;

	private final FieldCipher cipher;

	private final TaskFlow flow;

	private final Views views;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	LifeEventApplications(CatalogueRepository catalogue, ApplicationRepository applications,
			DepartmentRepository departments, UnitManagement units, FileStore files, FieldCipher cipher, TaskFlow flow,
			Views views, ApplicationEventPublisher events, InputCheck input) {
		this.input = input;
		this.catalogue = catalogue;
		this.applications = applications;
		this.departments = departments;
		this.units = units;
		this.files = files;
		this.cipher = cipher;
		this.flow = flow;
		this.views = views;
		this.events = events;
	}

	/** The form of an event on offer, with what is known about the person. */
	@Transactional(readOnly = true)
	public ApplicationForm form(String eventCode, CurrentUser user) {
		LifeEvent event = offered(eventCode);
		Map<String, String> known = known(event.definition(), user);
		Map<String, String> given = new LinkedHashMap<>();
		for (RequiredDocument document : event.definition().documents()) {
			applications.latestDocument(user.accountId(), document.code())
				.ifPresent(file -> given.put(document.code(), file.fileName()));
		}
		Unit own = units.get(user.unitId(), DataScope.CITY);
		return new ApplicationForm(event, known, given, own.id(), own.name(LocaleContextHolder.getLocale().getLanguage()),
				own.level() == UnitLevel.COMMUNITY);
	}

	/**
	 * Files one application: checks every answer and the departments first (400, nothing written),
	 * then writes the application, its answers (personal ones encrypted), documents (earlier ones of
	 * the same code reused when none is uploaded) and every task, and starts the ready ones.
	 */
	@Transactional
	public Application apply(LifeEventCommands.Apply command, Map<String, Upload> uploads, CurrentUser user) {
		input.check(command);
		LifeEvent event = offered(command.eventCode());
		EventDefinition definition = event.definition();
		Unit community = community(command.communityId(), user);
		Unit district = units.getByCode(community.pathCodes().get(1), DataScope.CITY);
		List<long[]> targets = new ArrayList<>();
		List<String> targetPaths = new ArrayList<>();
		for (TaskDefinition task : definition.tasks()) {
			if (task.department() == DepartmentKind.COMMUNITY) {
				targets.add(new long[] { community.id() });
				targetPaths.add(community.path());
				continue;
			}
			DepartmentMapping mapping = departments.find(district.id(), task.department())
				.orElseThrow(() -> DomainException.invalid("le.error.department-missing",
						new DefaultMessageSourceResolvable("le.department." + task.department().name()),
						district.name(LocaleContextHolder.getLocale().getLanguage())));
			targets.add(new long[] { mapping.departmentId() });
			targetPaths.add(mapping.departmentPath());
		}
		Map<String, String> values = answers(definition, command.values(), user);
		for (String code : uploads.keySet()) {
			if (definition.documents().stream().noneMatch(document -> document.code().equals(code))) {
				throw DomainException.invalid("le.error.document-unknown", code);
			}
			FileStore.check(uploads.get(code));
		}
		var now = flow.now();
		var today = flow.today();
		String reference = "YJS" + today.format(DAY) + String.format("%06d", applications.nextReferenceSequence() % 1_000_000);
		long id = applications.insert(reference, event.code(), event.currentVersion(), definition.nameZh(),
				definition.nameEn(), user.accountId(), user.displayName(), community.id(), community.path(), district.id(),
				definition.consent() ? "PENDING" : null, now, today, flow.addWorkingDays(today, definition.timeLimitDays()));
		writeAnswers(id, definition, values, user);
		writeDocuments(id, definition, uploads, user);
		for (int i = 0; i < definition.tasks().size(); i++) {
			applications.insertTask(id, i, definition.tasks().get(i), targets.get(i)[0], targetPaths.get(i));
		}
		Application application = applications.find(id).orElseThrow();
		flow.release(application);
		if (definition.consent()) {
			events.publishEvent(new ConsentRequired(id, reference, community.id(), buildingAddress(definition, values)));
		}
		flow.filed(application);
		return application;
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

	private LifeEvent offered(String code) {
		return catalogue.find(code)
			.filter(LifeEvent::active)
			.orElseThrow(() -> DomainException.invalid("le.error.unknown-event", code));
	}

	/** The community the application concerns: the one chosen, else the person's own unit, if a community. */
	private Unit community(@Nullable Long chosen, CurrentUser user) {
		long id = chosen != null ? chosen : user.unitId();
		Unit unit = java.util.Optional.ofNullable(units.byIds(List.of(id)).get(id))
			.orElseThrow(() -> DomainException.invalid("le.error.community"));
		if (unit.level() != UnitLevel.COMMUNITY || unit.pathCodes().size() < 3) {
			throw DomainException.invalid("le.error.community");
		}
		return unit;
	}

	/** Clear values known about the person, by field key: their name and what they gave earlier. */
	private Map<String, String> known(EventDefinition definition, CurrentUser user) {
		Map<String, String> profile = departments.profile(user.accountId());
		Map<String, String> known = new LinkedHashMap<>();
		for (FormField field : definition.fields()) {
			if (field.profileKey() == null) {
				continue;
			}
			String stored = profile.get(field.profileKey());
			if (stored != null) {
				known.put(field.key(), cipher.decrypt(stored));
			}
			else if ("self.name".equals(field.profileKey())) {
				known.put(field.key(), user.displayName());
			}
		}
		return known;
	}

	/** Every answer checked, a known value filling a left-out one; 400 for a missing, unknown or wrong one. */
	private Map<String, String> answers(EventDefinition definition, Map<String, String> given, CurrentUser user) {
		for (String key : given.keySet()) {
			if (definition.fields().stream().noneMatch(field -> field.key().equals(key))) {
				throw DomainException.invalid("le.error.field-unknown", key);
			}
		}
		Map<String, String> known = known(definition, user);
		Map<String, String> values = new LinkedHashMap<>();
		String language = LocaleContextHolder.getLocale().getLanguage();
		for (FormField field : definition.fields()) {
			String value = given.get(field.key());
			if (value == null || value.isBlank()) {
				value = known.get(field.key());
			}
			if (value == null || value.isBlank()) {
				if (field.required()) {
					throw DomainException.invalid("le.error.field-required", field.label(language));
				}
				continue;
			}
			values.put(field.key(), FormCheck.check(field, value.strip()));
		}
		return values;
	}

	private void writeAnswers(long id, EventDefinition definition, Map<String, String> values, CurrentUser user) {
		for (int i = 0; i < definition.fields().size(); i++) {
			FormField field = definition.fields().get(i);
			String value = values.get(field.key());
			applications.insertValue(id, i, field, value == null ? null : stored(field, value));
			if (value != null && field.profileKey() != null) {
				// kept encrypted whatever the type: the store outlives the application's own rules
				departments.keep(user.accountId(), field.profileKey(), cipher.encrypt(value), flow.now());
			}
		}
	}

	/** Personal values encrypted; a choice with its labels, so the application names it whatever the catalogue says later. */
	private String stored(FormField field, String value) {
		if (field.type().personal()) {
			return cipher.encrypt(value);
		}
		if (field.type() == FieldType.CHOICE) {
			return field.options().stream().filter(option -> option.split("\\|")[0].equals(value)).findFirst().orElse(value);
		}
		return value;
	}

	private void writeDocuments(long id, EventDefinition definition, Map<String, Upload> uploads, CurrentUser user) {
		for (RequiredDocument document : definition.documents()) {
			Upload upload = uploads.get(document.code());
			if (upload != null && !upload.isEmpty()) {
				FileStore.Stored stored = files.store(upload);
				applications.insertDocument(id, document.code(), document.nameZh(), document.nameEn(),
						new ApplicationRepository.StoredFile(upload.fileName(), stored.contentType(), stored.size(),
								stored.sha256(), stored.storageKey()),
						false, flow.now());
			}
			else {
				applications.latestDocument(user.accountId(), document.code())
					.ifPresent(file -> applications.insertDocument(id, document.code(), document.nameZh(), document.nameEn(),
							file, true, flow.now()));
			}
		}
	}

	private static String buildingAddress(EventDefinition definition, Map<String, String> values) {
		if (values.containsKey("buildingAddress")) {
			return values.get("buildingAddress");
		}
		return definition.fields().stream()
			.filter(field -> field.type() == FieldType.ADDRESS && values.containsKey(field.key()))
			.map(field -> values.get(field.key()))
			.findFirst()
			.orElse("");
	}

}
