package org.grassroots.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.grassroots.cases.CaseApproval;
import org.grassroots.cases.CaseCommands;
import org.grassroots.cases.CaseReach;
import org.grassroots.cases.CaseSource;
import org.grassroots.cases.CaseWriting;
import org.grassroots.cases.MechanismCommands;
import org.grassroots.cases.Mechanisms;
import org.grassroots.cases.TypicalCase;
import org.grassroots.people.DemoDataLoaded;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo cases and mechanisms: Yuzhong's closed school-gate problem written up and published
 * city-wide, the mechanism Yuzhong adopted from it, and one of Nan'an's from its closed market
 * parking problem. Runs once the application is ready, after the demo problems.
 */
@Component
class DemoCases {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private final CaseWriting writing;

	private final CaseApproval approval;

	private final Mechanisms mechanisms;

	private final ProblemViews problems;

	private final UserDetailsService users;

	private final Clock clock;

	DemoCases(CaseWriting writing, CaseApproval approval, Mechanisms mechanisms, ProblemViews problems,
			UserDetailsService users, Clock clock) {
		this.writing = writing;
		this.approval = approval;
		this.mechanisms = mechanisms;
		this.problems = problems;
		this.users = users;
		this.clock = clock;
	}

	/** Set when the demo data is loaded; the cases follow once every module has loaded its part. */
	private volatile boolean wanted;

	@EventListener
	void on(DemoDataLoaded loaded) {
		wanted = true;
	}

	/** After the runners, so after every listener of DemoDataLoaded (the demo problems above all). */
	@EventListener
	void on(ApplicationReadyEvent ready) {
		if (!wanted) {
			return;
		}
		wanted = false;
		try {
			yuzhong();
			nanan();
			log.info("Loaded the demo cases and mechanisms");
		}
		catch (RuntimeException ex) {
			// demo data is a convenience: the application starts without it (CasesIntegrationTests looks for it)
			log.error("Could not load the demo cases", ex);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void yuzhong() {
		Optional<Problem> closed = closed("yuzhong.admin", "放学时段校门口拥堵");
		if (closed.isEmpty()) {
			log.warn("No closed demo problem in Yuzhong: no demo case");
			return;
		}
		Problem problem = closed.get();
		TypicalCase written = as("yuzhong.admin", admin -> writing.write(new CaseCommands.Write(CaseSource.PROBLEM,
				problem.id(), "护学岗进校门：放学拥堵一月见效", null,
				"解放碑片区学校放学时段家长车辆临停、摊贩聚集，校门口拥堵，群众多次反映。",
				"街道牵头公安交巡警、学校和社区志愿者设立护学岗，错峰放学，划定临时接送区，商户配合让出通道。",
				"放学时段通行时间由 25 分钟降至 8 分钟，家长满意度明显提高。",
				"“小切口”问题要找准牵头单位，多方共治、固化为常态机制。", CaseReach.CITY), List.of(), admin));
		TypicalCase submitted = as("yuzhong.admin",
				admin -> writing.submit(written.id(), new CaseCommands.Step(written.version()), admin));
		TypicalCase published = as("city.admin", office -> approval.approve(submitted.id(),
				new CaseCommands.Approve(submitted.version(), CaseReach.CITY), office));
		as("yuzhong.admin", admin -> mechanisms.adopt(new MechanismCommands.Adopt("渝中区校园周边护学岗常态化工作机制",
				"全区中小学、幼儿园校门周边", today(),
				"一、各街道牵头设立护学岗，上学、放学时段定岗定人。\n二、公安交巡警、学校、社区志愿者每日联动。\n三、每月通报校门口通行情况。",
				List.of(problem.ledgerNo()), List.of(published.id())), null, admin));
	}

	private void nanan() {
		Optional<Problem> closed = closed("nanan.admin", "菜市场周边占道停车");
		closed.ifPresent(problem -> as("nanan.admin", admin -> mechanisms.adopt(new MechanismCommands.Adopt(
				"南岸区农贸市场周边停车秩序长效管理办法", "全区农贸市场周边道路", today(),
				"早晚高峰定时巡查，设置临时停车泊位，占道停车纳入网格员日常巡查。", List.of(problem.ledgerNo()), List.of()),
				null, admin)));
	}

	private Optional<Problem> closed(String username, String title) {
		return as(username, user -> problems
			.search(new ProblemFilter(ProblemState.CLOSED, null, null, null, null, null, null, null, title), user, 0)
			.items()
			.stream()
			.findFirst());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	private <T> T as(String username, Function<CurrentUser, T> action) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return action.apply(user);
	}

}
