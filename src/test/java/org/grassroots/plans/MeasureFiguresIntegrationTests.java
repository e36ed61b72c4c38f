package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Every change of a measure publishes its figures for the dashboard, with a growing version. */
@IntegrationTest
@RecordApplicationEvents
class MeasureFiguresIntegrationTests {

	@Autowired
	PlanManagement plans;

	@Autowired
	MeasureManagement measures;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void addingAndAdvancingAMeasurePublishesItsFiguresAtTheOwnerUnit() {
		CurrentUser admin = (CurrentUser) users.loadUserByUsername("nanan.admin");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		LocalDate today = LocalDate.now(Times.ZONE);
		ResearchPlan plan = plans.createPlan(new PlanCommands.NewPlan("figures", null, List.of("PARKING"), null, null, today,
				today.plusMonths(2)), admin);
		WorkMeasure measure = measures.addMeasure(plan.id(), new PlanCommands.NewMeasure("parking spaces", "PARKING", null,
				"李科长", today, today.plusMonths(1), 4, "个", false, null), admin);
		WorkMeasure done = measures.reportProgress(measure.id(), new PlanCommands.ReportProgress(4, null, null, 0), List.of(),
				admin);

		List<CampaignFigures> published = events.stream(CampaignFigures.class)
			.filter(figures -> figures.itemKey().equals("MEASURE:" + measure.id()))
			.toList();
		int due = CampaignFigures.monthKey(measure.deadline());
		String path = "/500000/500108/";
		assertThat(published).extracting(CampaignFigures::version).containsExactly(0L, 1L);
		assertThat(published.get(0).counts()).containsExactlyInAnyOrder(
				new CampaignFigures.Count(path, due, "MEASURES_DUE", 1),
				new CampaignFigures.Count(path, CampaignFigures.NOW, "MEASURES_OPEN", 1));
		assertThat(published.get(1).counts()).containsExactlyInAnyOrder(
				new CampaignFigures.Count(path, due, "MEASURES_DUE", 1),
				new CampaignFigures.Count(path, due, "MEASURES_DONE", 1),
				new CampaignFigures.Count(path, due, "MEASURES_DONE_ON_TIME", 1));
		assertThat(done.version()).isEqualTo(1);
		assertThat(events.stream(WorkMeasureChanged.class).map(WorkMeasureChanged::auditKind))
			.containsExactly("MEASURE_CREATED", "MEASURE_PROGRESS_REPORTED");
	}

}
