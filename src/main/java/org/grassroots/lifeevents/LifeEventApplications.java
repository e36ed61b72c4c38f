package org.grassroots.lifeevents;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.ApplicationRepository;
import org.grassroots.lifeevents.internal.CatalogueRepository;
import org.grassroots.lifeevents.internal.DepartmentRepository;
import org.grassroots.lifeevents.internal.FormCheck;
import org.grassroots.lifeevents.internal.TaskFlow;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.FieldCipher;
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
 * Applying for a life event: the form with what is already known filled in, and filing (reference
 * number, every ready task in its department's queue at once). Following an application afterwards
 * is {@link MyApplications}.
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

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	LifeEventApplications(CatalogueRepository catalogue, ApplicationRepository applications,
			DepartmentRepository departments, UnitManagement units, FileStore files, FieldCipher cipher, TaskFlow flow,
			ApplicationEventPublisher events, InputCheck input) {
		this.input = input;
		this.catalogue = catalogue;
		this.applications = applications;
		this.departments = departments;
		this.units = units;
		this.files = files;
		this.cipher = cipher;
		this.flow = flow;
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
			applications.insertValue(id, i, field, value == null ? null : stored(field, value),
					value != null && field.type().personal() ? cipher.lookupHash(value) : null);
			if (value != null && field.profileKey() != null) {
				// kept encrypted whatever the type: the store outlives the application's own rules
				departments.keep(user.accountId(), field.profileKey(), cipher.encrypt(value), cipher.lookupHash(value),
						flow.now());
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
