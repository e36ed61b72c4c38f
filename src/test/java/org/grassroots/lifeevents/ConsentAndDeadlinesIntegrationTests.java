package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.LifeEventFigures;
import org.grassroots.lifeevents.internal.OverdueJob;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The elevator's owners' consent as the consent part announces it, the deadlines job and the figures
 * a return and an overdue application count.
 */
@IntegrationTest
class ConsentAndDeadlinesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OverdueJob overdue;

	@Autowired
	LifeEventFigures figures;

	@Autowired
	List<CampaignFacts> facts;

	@Autowired
	org.grassroots.lifeevents.internal.ApplicationRepository repository;

	LifeEventSteps steps;

	@BeforeEach
	void setUp() {
		steps = new LifeEventSteps(new Api(port));
	}

	@Test
	void confirmedConsentStartsPlanningOnlyAfterTheCommunityReview() {
		long id = elevator("重庆市南岸区花园路翠园路 8 号 2 栋");
		assertThat(steps.mine("resident.wang", id).path("application").path("consent").asString()).isEqualTo("PENDING");
		assertThat(steps.state(id, "COMMUNITY_REVIEW")).isEqualTo("PENDING");
		steps.completed("cuiyuan.worker", id, "COMMUNITY_REVIEW");
		assertThat(steps.state(id, "PLANNING_APPROVAL")).as("the owners have not consented yet").isEqualTo("WAITING");

		transactions.executeWithoutResult(status -> events.publishEvent(new OwnersConsentConfirmed(id)));

		assertThat(steps.state(id, "PLANNING_APPROVAL")).isEqualTo("PENDING");
		assertThat(steps.state(id, "CONSTRUCTION_PERMIT")).isEqualTo("WAITING");
		steps.completed("nanan.planning", id, "PLANNING_APPROVAL");
		assertThat(steps.state(id, "CONSTRUCTION_PERMIT")).isEqualTo("PENDING");
	}

	@Test
	void refusedConsentReturnsTheApplicationWithTheReason() {
		long id = elevator("重庆市南岸区花园路翠园路 9 号 1 栋");

		transactions.executeWithoutResult(status -> events.publishEvent(
				new OwnersConsentRefused(id, "参与表决的专有部分面积不足三分之二", "Less than two thirds of the area voted")));

		JsonNode returned = steps.mine("resident.wang", id).path("application");
		assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
		assertThat(returned.path("returnCategory").asString()).isEqualTo("CONSENT_REFUSED");
		assertThat(returned.path("returnReason").asString()).contains("三分之二");
		assertThat(steps.state(id, "COMMUNITY_REVIEW")).isEqualTo("WITHDRAWN");
		assertThat(steps.state(id, "PLANNING_APPROVAL")).isEqualTo("WITHDRAWN");
		CampaignFigures counted = figures.of(application(id));
		assertThat(counted.counts()).extracting(CampaignFigures.Count::measure)
			.contains("LE_APPLIED", "LE_RETURNED", "LE_RETURNED:ELEVATOR", "LE_RETURNED:CONSENT_REFUSED")
			.doesNotContain("LE_OPEN");
		assertThat(counted.counts()).allSatisfy(count -> assertThat(count.unitPath()).isEqualTo("/500000/500108/500108002/500108002001/"));
	}

	@Test
	void theJobFlagsWhatIsPastItsDeadlineAndTheFiguresCountItOverdueNow() {
		long id = steps.applied("resident.wang", "NEWBORN", LifeEventSteps.newborn("王超期")).path("id").asLong();
		jdbc.sql("update le_application set deadline = :day where id = :id").param("day", java.time.LocalDate.of(2020, 1, 6))
			.param("id", id).update();
		jdbc.sql("update le_task set deadline = :day where application_id = :id and state = 'PENDING'")
			.param("day", java.time.LocalDate.of(2020, 1, 6)).param("id", id).update();

		assertThat(overdue.flagOverdue()).isGreaterThanOrEqualTo(3);

		Application flagged = application(id);
		assertThat(flagged.overdue()).isTrue();
		assertThat(steps.task("resident.wang", id, "BIRTH_CERTIFICATE").path("overdue").asBoolean()).isTrue();
		assertThat(steps.task("resident.wang", id, "HOUSEHOLD_REGISTRATION").path("overdue").asBoolean()).isFalse();
		assertThat(figures.of(flagged).counts()).contains(
				new CampaignFigures.Count(flagged.communityPath(), CampaignFigures.NOW, "LE_OPEN", 1),
				new CampaignFigures.Count(flagged.communityPath(), CampaignFigures.NOW, "LE_OVERDUE", 1));
		assertThat(overdue.flagOverdue()).as("flagged once").isZero();
		List<CampaignFigures> all = new java.util.ArrayList<>();
		facts.stream().filter(LifeEventFigures.class::isInstance).forEach(bean -> bean.forEach(all::add));
		assertThat(all).filteredOn(item -> item.itemKey().equals("APPLICATION:" + id)).singleElement()
			.satisfies(item -> assertThat(item.version()).isEqualTo(flagged.version()));
		assertThat(steps.get("nanan.admin", LifeEventSteps.BASE + "/applications?overdue=true&event=NEWBORN").json()
			.path("applications").toString()).contains("\"id\":" + id);
	}

	private long elevator(String address) {
		return steps.applied("resident.wang", "ELEVATOR", Map.of("buildingAddress", address, "floors", "7", "households", "28",
				"contactName", "王居民", "phone", "13812345678")).path("id").asLong();
	}

	private Application application(long id) {
		return repository.find(id).orElseThrow();
	}

}
