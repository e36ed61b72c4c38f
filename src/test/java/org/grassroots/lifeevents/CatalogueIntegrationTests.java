package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The catalogue as versioned data: the seed, publishing a version, its validation, the lock and the audit. */
@IntegrationTest
class CatalogueIntegrationTests {

	@Autowired
	LifeEventCatalogue catalogue;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstCatalogueIsSeededFromItsDataFiles() {
		List<String> codes = catalogue.list(false).stream().map(LifeEvent::code).toList();

		assertThat(codes).contains("NEWBORN", "SCHOOL_ENROLMENT", "EMPLOYMENT", "RETIREMENT", "ELDERLY_CARE_SUBSIDY",
				"PUBLIC_HOUSING", "BUSINESS_PARKING", "ELEVATOR");
		EventDefinition newborn = catalogue.version("NEWBORN", 1).definition();
		assertThat(newborn.timeLimitDays()).isEqualTo(5);
		assertThat(newborn.tasks()).extracting(TaskDefinition::code)
			.containsExactly("BIRTH_CERTIFICATE", "HOUSEHOLD_REGISTRATION", "MEDICAL_INSURANCE", "SOCIAL_SECURITY_CARD",
					"VACCINATION_RECORD", "CHILDCARE_SUBSIDY");
		assertThat(newborn.departments()).containsExactly(DepartmentKind.HEALTH, DepartmentKind.PUBLIC_SECURITY,
				DepartmentKind.MEDICAL_INSURANCE, DepartmentKind.HUMAN_RESOURCES);
		EventDefinition elevator = catalogue.get("ELEVATOR").definition();
		assertThat(elevator.consent()).isTrue();
		assertThat(elevator.tasks()).filteredOn(TaskDefinition::afterConsent).extracting(TaskDefinition::code)
			.containsExactly("PLANNING_APPROVAL", "CONSTRUCTION_PERMIT", "SPECIAL_EQUIPMENT_REGISTRATION");
	}

	@Test
	void theCityAdministratorPublishesAVersionOnceAndTheOldOneStays() {
		CurrentUser admin = user("city.admin");
		String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase().substring(0, 8);
		LifeEvent first = catalogue.publish(code, new CatalogueCommands.Publish(0, definition("A", List.of())), admin);
		long audits = audits(code);

		LifeEvent second = catalogue.publish(code,
				new CatalogueCommands.Publish(first.version(), definition("B", List.of("FIRST"))), admin);

		assertThat(second.currentVersion()).isEqualTo(2);
		assertThat(catalogue.version(code, 1).definition().nameZh()).isEqualTo("A");
		assertThat(catalogue.get(code).definition().tasks()).hasSize(2);
		assertThat(audits(code)).isEqualTo(audits + 1);
		assertThatThrownBy(() -> catalogue.publish(code,
				new CatalogueCommands.Publish(first.version(), definition("C", List.of())), admin))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		assertThat(catalogue.versions(code)).hasSize(2);
	}

	@Test
	void aBrokenDefinitionOrAnotherPublisherIsRefusedWithNothingWritten() {
		CurrentUser admin = user("city.admin");
		LifeEvent newborn = catalogue.get("NEWBORN");
		EventDefinition current = newborn.definition();
		List<TaskDefinition> circle = new ArrayList<>(current.tasks());
		TaskDefinition first = circle.get(0);
		circle.set(0, new TaskDefinition(first.code(), first.nameZh(), first.nameEn(), first.department(),
				first.timeLimitDays(), List.of("SOCIAL_SECURITY_CARD"), false));
		EventDefinition cyclic = new EventDefinition(current.nameZh(), current.nameEn(), current.summaryZh(),
				current.summaryEn(), 5, current.fields(), current.documents(), circle, false);
		long versions = versions();

		assertRefused(() -> catalogue.publish("NEWBORN", new CatalogueCommands.Publish(newborn.version(), cyclic), admin),
				"le.error.task-cycle");
		assertRefused(() -> catalogue.publish("NEWBORN", new CatalogueCommands.Publish(newborn.version(),
				definition("X", List.of("NOPE"))), admin), "le.error.task-waits");
		assertRefused(() -> catalogue.publish("lower", new CatalogueCommands.Publish(0, definition("X", List.of())), admin),
				"le.error.event-code");
		assertRefused(() -> catalogue.publish("NOT_ELIGIBLE", new CatalogueCommands.Publish(0, definition("X", List.of())),
				admin), "le.error.event-code-reserved");
		assertRefused(() -> catalogue.publish("NEWBORN", new CatalogueCommands.Publish(newborn.version(),
				definition("X", List.of())), user("nanan.admin")), "le.error.catalogue-admin");
		assertThat(versions()).isEqualTo(versions);
	}

	static EventDefinition definition(String name, List<String> secondWaitsFor) {
		List<TaskDefinition> tasks = new ArrayList<>();
		tasks.add(new TaskDefinition("FIRST", "第一", "First", DepartmentKind.HEALTH, 1, List.of(), false));
		if (!secondWaitsFor.isEmpty()) {
			tasks.add(new TaskDefinition("SECOND", "第二", "Second", DepartmentKind.PUBLIC_SECURITY, 2, secondWaitsFor, false));
		}
		return new EventDefinition(name, name, "概要", "Summary", 3,
				List.of(new FormField("name", "姓名", "Name", FieldType.TEXT, true, null, null, null)), List.of(), tasks,
				false);
	}

	private void assertRefused(Runnable command, String key) {
		assertThatThrownBy(command::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private long versions() {
		return jdbc.sql("select count(*) from le_event_version").query(Long.class).single();
	}

	private long audits(String code) {
		return jdbc.sql("select count(*) from audit_record where subject_id = :code and kind like 'LE_CATALOGUE_%'")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private CurrentUser user(String username) {
		return (CurrentUser) users.loadUserByUsername(username);
	}

}
