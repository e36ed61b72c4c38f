package org.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every change of a case or mechanism publishes the item's figures for the dashboard, in the
 * command's own thread and transaction: the commands are called here directly, so the test
 * records what they publish.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CaseWriting writing;

	@Autowired
	CaseApproval approval;

	@Autowired
	Mechanisms mechanisms;

	@Autowired
	UserDetailsService users;

	@Test
	void aCaseCountsOnceAtItsWritingUnitWhilePublishedAndAMechanismInItsMonth() {
		long problem = new CaseSteps(new Api(port)).closedProblem(Api.uniqueCode("school gate "));
		CurrentUser yuzhong = user("yuzhong.admin");
		CurrentUser city = user("city.admin");

		TypicalCase draft = writing.write(new CaseCommands.Write(CaseSource.PROBLEM, problem, "figures", null, "b", "a", "r",
				null, CaseReach.SUBTREE), List.of(), yuzhong);
		TypicalCase submitted = writing.submit(draft.id(), new CaseCommands.Step(draft.version()), yuzhong);
		TypicalCase published = approval.approve(submitted.id(), new CaseCommands.Approve(submitted.version(), null), city);
		TypicalCase withdrawn = writing.withdraw(published.id(), new CaseCommands.Step(published.version()), yuzhong);

		List<CampaignFigures> figures = events.stream(CampaignFigures.class)
			.filter(one -> one.itemKey().equals("CASE:" + draft.id()))
			.toList();
		assertThat(figures).extracting(CampaignFigures::version).containsExactly(0L, 1L, 2L, 3L);
		assertThat(figures.get(0).counts()).as("a draft counts nothing").isEmpty();
		assertThat(figures.get(1).counts()).as("nor a submitted case").isEmpty();
		assertThat(figures.get(2).counts()).containsExactly(new CampaignFigures.Count("/500000/500103/",
				CampaignFigures.monthKey(published.publishedAt()), "CASES_PUBLISHED", 1));
		assertThat(figures.get(3).counts()).as("withdrawn, it counts no more").isEmpty();
		assertThat(withdrawn.state()).isEqualTo(CaseState.WITHDRAWN);
		assertThat(events.stream(CaseChanged.class).filter(changed -> changed.caseId() == draft.id()))
			.extracting(CaseChanged::auditKind)
			.containsExactly("CASE_WRITE", "CASE_SUBMIT", "CASE_APPROVE", "CASE_WITHDRAW");

		LocalDate lastMonth = LocalDate.now(Times.ZONE).minusMonths(1);
		Mechanism adopted = mechanisms.adopt(new MechanismCommands.Adopt("figures", "s", lastMonth, "b", null, null), null,
				yuzhong);
		assertThat(events.stream(CampaignFigures.class).filter(one -> one.itemKey().equals("MECHANISM:" + adopted.id())))
			.containsExactly(new CampaignFigures("MECHANISM:" + adopted.id(), 0, List.of(new CampaignFigures.Count(
					"/500000/500103/", CampaignFigures.monthKey(lastMonth), "MECHANISMS", 1))));
	}

	private CurrentUser user(String username) {
		return (CurrentUser) users.loadUserByUsername(username);
	}

}
