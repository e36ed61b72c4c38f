package org.grassroots.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.grassroots.shared.AuditableEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every kind of audit record the code can write is in the catalogue, with its name and sentence
 * in both languages, and every field of every snapshot is either shown with a label or hidden on
 * purpose: a new kind, a new event or a new field fails here until the audit page can say it.
 */
class AuditKindsTests {

	/**
	 * Events whose kind is a string handed to them, with where the code hands it: the first
	 * argument of their constructor, or (for accounts) any literal of the right shape in the files
	 * that make them, and what the event puts before it.
	 */
	/**
	 * @param under where the literals are when the kind is handed through (a module's folder); by
	 * default the files that make the event
	 */
	record StringKinds(Pattern literal, String prefix, String under) {

		StringKinds(Pattern literal, String prefix) {
			this(literal, prefix, "");
		}

	}

	static final Map<String, StringKinds> STRING_KINDS = Map.of(
			"ResearchPlanChanged", new StringKinds(Pattern.compile("new ResearchPlanChanged\\(\"([A-Z_]+)\""), ""),
			"WorkMeasureChanged", new StringKinds(Pattern.compile("\"(MEASURE_[A-Z_]+)\""), "", "org/grassroots/plans/"),
			"AccountChanged", new StringKinds(Pattern.compile("\"((?:ACCOUNT|PASSWORD)_[A-Z_]+)\""), ""),
			"TokenChanged", new StringKinds(Pattern.compile("new TokenChanged\\(\"([A-Z_]+)\""), ""),
			"LearningChanged", new StringKinds(Pattern.compile("new LearningChanged\\(\"([A-Z_]+)\""), ""),
			"KeyChanged", new StringKinds(Pattern.compile("new KeyChanged\\(\"([A-Z_]+)\""), "OPEN311_KEY_"),
			"PersonalDataRequested", new StringKinds(Pattern.compile("\"(PERSONAL_DATA_[A-Z_]+)\""), "",
					"org/grassroots/privacy/"));

	/** The record types each snapshot holds, as the modules publish them. */
	static final Map<String, List<Class<?>>> SNAPSHOT_TYPES = Map.ofEntries(
			Map.entry("problem", List.of(org.grassroots.problems.Problem.class)),
			Map.entry("unit", List.of(org.grassroots.units.Unit.class)),
			Map.entry("unit-boundary", List.of(org.grassroots.units.UnitBoundary.class)),
			Map.entry("account", List.of(org.grassroots.people.Account.class)),
			Map.entry("token", List.of(org.grassroots.people.AccessToken.class)),
			Map.entry("open311-key", List.of(org.grassroots.open311.ApiKey.class)),
			Map.entry("plan", List.of(org.grassroots.learning.StudyPlan.class)),
			Map.entry("point", List.of(org.grassroots.learning.LearningPoint.class)),
			Map.entry("session", List.of(org.grassroots.learning.StudySession.class)),
			Map.entry("check-in", List.of(org.grassroots.learning.CheckedIn.class)),
			Map.entry("case", List.of(org.grassroots.cases.TypicalCase.class)),
			Map.entry("mechanism", List.of(org.grassroots.cases.Mechanism.class)),
			Map.entry("weights", List.of(org.grassroots.dashboard.Weights.class)),
			Map.entry("topic", List.of(org.grassroots.dashboard.Topic.class)),
			Map.entry("report", List.of(org.grassroots.dashboard.ReportMade.class)),
			Map.entry("rebuild", List.of(org.grassroots.dashboard.FiguresRebuilt.class)),
			Map.entry("visit", List.of(org.grassroots.visits.Visit.class)),
			Map.entry("research-plan", List.of(org.grassroots.plans.ResearchPlan.class)),
			Map.entry("work-measure", List.of(org.grassroots.plans.WorkMeasure.class)),
			Map.entry("reception-day", List.of(org.grassroots.visits.ReceptionDay.class)),
			Map.entry("calendar-day", List.of(org.grassroots.lifeevents.CalendarDay.class)),
			Map.entry("life-event", List.of()),
			Map.entry("elevator-consent", List.of(org.grassroots.lifeevents.Consent.class)),
			Map.entry("consent-owner", List.of(org.grassroots.lifeevents.ConsentOwner.class)),
			Map.entry("consent-objection", List.of(org.grassroots.lifeevents.ConsentObjection.class)),
			Map.entry("sign-in", List.of()),
			Map.entry("audit-archive", List.of(org.grassroots.audit.AuditArchive.class)),
			Map.entry("audit-chain", List.of(org.grassroots.audit.AuditDigestChanged.class)),
			Map.entry("field-keys", List.of(org.grassroots.shared.FieldsReencrypted.class)),
			Map.entry("personal-data", List.of(org.grassroots.privacy.PersonalDataRequested.class)),
			Map.entry("message-channels", List.of(org.grassroots.people.MessageChannelsChanged.Choice.class)),
			Map.entry("messages-stopped", List.of(org.grassroots.outbox.MessagesStopped.class)),
			Map.entry("message-retried", List.of(org.grassroots.outbox.MessageRetried.class)));

	@Test
	void everyKindTheCodeWritesIsInTheCatalogue() throws Exception {
		Set<String> written = writtenKinds();

		assertThat(written).contains("PROBLEM_ACCEPT", "UNIT_MOVED", "ACCOUNT_LOCKED", "PASSWORD_RESET", "SIGN_IN_FAILED",
				"TOKEN_REVOKED", "OPEN311_KEY_ISSUED", "STUDY_PLAN_CREATED", "CHECKED_IN", "DASHBOARD_TOPIC_CHOSEN");
		assertThat(AuditKinds.ALL.keySet()).as("kinds in AuditKinds").containsAll(written);
	}

	@Test
	void everyKindHasANameAndASentenceInBothLanguages() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = load(bundle);
			for (String kind : AuditKinds.ALL.keySet()) {
				assertThat(messages.getProperty("audit.kind." + kind)).as(bundle + ": audit.kind." + kind).isNotBlank();
				String sentence = messages.getProperty("audit.sentence." + kind);
				assertThat(sentence).as(bundle + ": audit.sentence." + kind).isNotBlank().doesNotContain(kind);
				assertThat(sentence).as("a sentence names who or what").containsAnyOf("{0}", "{1}");
			}
			for (String group : AuditKinds.GROUPS) {
				assertThat(messages.getProperty("audit.group." + group)).as(bundle + ": audit.group." + group).isNotBlank();
			}
			assertThat(messages.getProperty("audit.sentence.other")).contains("{0}", "{1}");
		}
		assertThat(AuditKinds.ALL.values()).allSatisfy(kind -> assertThat(AuditKinds.GROUPS).contains(kind.group()));
	}

	@Test
	void everyFieldOfEverySnapshotIsShownWithALabelOrHidden() throws IOException {
		assertThat(SNAPSHOT_TYPES.keySet()).containsExactlyInAnyOrderElementsOf(AuditFields.SNAPSHOTS.keySet());
		assertThat(AuditKinds.ALL.values()).allSatisfy(kind -> assertThat(AuditFields.SNAPSHOTS).containsKey(kind.snapshot()));
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");
		SNAPSHOT_TYPES.forEach((name, types) -> {
			AuditFields.Snapshot snapshot = AuditFields.SNAPSHOTS.get(name);
			for (Class<?> type : types) {
				for (RecordComponent component : type.getRecordComponents()) {
					assertThat(snapshot.shown().containsKey(component.getName()) || snapshot.hidden().contains(component.getName()))
						.as("%s.%s is neither shown nor hidden in AuditFields' %s", type.getSimpleName(), component.getName(), name)
						.isTrue();
				}
			}
			for (String field : snapshot.shown().keySet()) {
				assertThat(chinese.getProperty("audit.field." + field)).as("audit.field." + field).isNotBlank();
				assertThat(english.getProperty("audit.field." + field)).as("audit.field." + field + " (en)").isNotBlank();
			}
		});
	}

	@Test
	void everyCodedValueTheFieldsShowHasAName() throws IOException {
		Properties chinese = load("messages.properties");
		Map<String, List<String>> values = Map.of("level.", names(org.grassroots.units.UnitLevel.values()), "batch.",
				names(org.grassroots.units.Batch.values()), "kind.", names(org.grassroots.units.UnitKind.values()), "role.",
				names(org.grassroots.shared.Role.values()), "scope.", names(org.grassroots.shared.ScopeKind.values()),
				"audit.review.", List.of("OPEN", "UPHELD", "REOPENED"), "audit.channel.", List.of("FORM", "TOKEN"),
				"audit.method.", List.of("QR", "LIST"), "visits.kind.", names(org.grassroots.visits.VisitKind.values()),
				"learning.kind.",
				List.of("CHECK_IN_POINT", "CHARGING_STATION", "PARTY_CLASS", "SEMINAR"));
		values.forEach((prefix, codes) -> codes.forEach(code -> assertThat(chinese.getProperty(prefix + code)).as(prefix + code).isNotBlank()));
		for (String kind : names(org.grassroots.lifeevents.CalendarDay.Kind.values())) {
			assertThat(chinese.getProperty("le.calendar.kind." + kind)).as("le.calendar.kind." + kind).isNotBlank();
		}
		for (String status : names(org.grassroots.plans.MeasureStatus.values())) {
			assertThat(chinese.getProperty("plans.status." + status)).as("plans.status." + status).isNotBlank();
		}
	}

	/** Every kind the auditable events can name, found by making each event with every enum and yes-or-no in turn. */
	static Set<String> writtenKinds() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(AuditableEvent.class));
		Set<String> kinds = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("org.grassroots")) {
			Class<?> type = Class.forName(definition.getBeanClassName());
			assertThat(type.isRecord()).as(type + " is a record").isTrue();
			if (dependsOnAString(type)) {
				assertThat(STRING_KINDS).as(type.getSimpleName() + " takes its kind as a string: say where in STRING_KINDS")
					.containsKey(type.getSimpleName());
				kinds.addAll(fromSource(type.getSimpleName(), STRING_KINDS.get(type.getSimpleName())));
			}
			else {
				for (Object[] args : variants(type)) {
					kinds.add(((AuditableEvent) canonical(type).newInstance(args)).auditKind());
				}
			}
		}
		return kinds;
	}

	private static boolean dependsOnAString(Class<?> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Object[] a = defaults(components);
		Object[] b = defaults(components);
		for (int i = 0; i < components.length; i++) {
			if (components[i].getType() == String.class) {
				a[i] = "A";
				b[i] = "B";
			}
		}
		Constructor<?> constructor = canonical(type);
		return !((AuditableEvent) constructor.newInstance(a)).auditKind()
			.equals(((AuditableEvent) constructor.newInstance(b)).auditKind());
	}

	/** The constructor's arguments with each enum and boolean component taking every value in turn. */
	private static List<Object[]> variants(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		List<Object[]> variants = new ArrayList<>();
		variants.add(defaults(components));
		for (int i = 0; i < components.length; i++) {
			Class<?> kind = components[i].getType();
			List<Object> values = kind.isEnum() ? List.of(kind.getEnumConstants())
					: kind == boolean.class ? List.of(true, false) : List.of();
			if (values.isEmpty()) {
				continue;
			}
			List<Object[]> more = new ArrayList<>();
			for (Object[] variant : variants) {
				for (Object value : values) {
					Object[] copy = variant.clone();
					copy[i] = value;
					more.add(copy);
				}
			}
			variants = more;
		}
		return variants;
	}

	private static Object[] defaults(RecordComponent[] components) {
		Object[] args = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> kind = components[i].getType();
			args[i] = kind == boolean.class ? false : kind == int.class ? 0 : kind == long.class ? 0L : kind.isEnum()
					? kind.getEnumConstants()[0] : null;
		}
		return args;
	}

	private static Constructor<?> canonical(Class<?> type) throws NoSuchMethodException {
		Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
		return type.getDeclaredConstructor(parameters);
	}

	/** The kinds handed to an event as literals, in the files that make it. */
	private static Set<String> fromSource(String event, StringKinds where) throws IOException {
		Set<String> kinds = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				boolean makes = where.under().isEmpty() ? source.contains("new " + event + "(")
						: file.toString().replace('\\', '/').contains(where.under());
				if (!makes) {
					continue;
				}
				Matcher matcher = where.literal().matcher(source);
				while (matcher.find()) {
					kinds.add(where.prefix() + matcher.group(1));
				}
			}
		}
		assertThat(kinds).as("kinds handed to " + event).isNotEmpty();
		return kinds;
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(AuditKindsTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
