package org.grassroots.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.grassroots.people.DemoDataLoaded;
import org.grassroots.plans.MeasureManagement;
import org.grassroots.plans.PlanCommands;
import org.grassroots.plans.PlanManagement;
import org.grassroots.plans.ResearchPlan;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Times;
import org.grassroots.units.UnitManagement;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo plans: one research plan each for Nan'an and Yuzhong, with measures on elevators in old
 * communities, parking for small and micro businesses and property disputes, some progress made,
 * so that the plans pages and the benchmarking view have something to show a newcomer.
 */
@Component
class DemoPlans {

	private final PlanManagement plans;

	private final MeasureManagement measures;

	private final UnitManagement units;

	private final UserDetailsService users;

	private final Clock clock;

	DemoPlans(PlanManagement plans, MeasureManagement measures, UnitManagement units, UserDetailsService users,
			Clock clock) {
		this.plans = plans;
		this.measures = measures;
		this.units = units;
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
		LocalDate start = today.withDayOfMonth(1).minusMonths(1);
		LocalDate end = start.plusMonths(6).minusDays(1);
		try {
			as("nanan.admin", admin -> {
				ResearchPlan plan = plans.createPlan(new PlanCommands.NewPlan("南岸区“民生三件事”专题调研方案",
						"老旧小区加装电梯、小微企业停车难、物业纠纷化解", List.of("ELEVATOR", "PARKING", "PROPERTY_DISPUTE"), null, null,
						start, end), admin);
				measure(plan, "老旧小区加装电梯攻坚", "ELEVATOR", "500108002", "花园路街道 王主任", start, end, 20, "部", false, 8, admin);
				measure(plan, "小微企业共享停车位", "PARKING", null, "区商务委 李科长", start, end.minusMonths(1), 300, "个", false,
						120, admin);
				measure(plan, "物业纠纷集中化解", "PROPERTY_DISPUTE", null, "区住建委 陈科长", start, end, 30, "件", true, 0,
						admin);
				return null;
			});
			as("yuzhong.admin", admin -> {
				ResearchPlan plan = plans.createPlan(new PlanCommands.NewPlan("渝中区老旧小区和停车问题调研方案",
						"母城老旧小区电梯加装与解放碑商圈停车", List.of("ELEVATOR", "PARKING"), null, null, start, end), admin);
				measure(plan, "母城老旧小区加装电梯", "ELEVATOR", null, "区住建委 周科长", start, end, 15, "部", false, 9, admin);
				measure(plan, "解放碑商圈错时停车", "PARKING", null, "区交通局 吴科长", start, end, 200, "个", false, 40, admin);
				return null;
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void measure(ResearchPlan plan, String title, String category, @org.jspecify.annotations.Nullable String ownerCode, String person,
			LocalDate start, LocalDate deadline, int target, String unit, boolean advance, int progress, CurrentUser admin) {
		Long owner = ownerCode == null ? null : units.getByCode(ownerCode, DataScope.CITY).id();
		WorkMeasure measure = measures.addMeasure(plan.id(), new PlanCommands.NewMeasure(title, category, owner, person, start,
				deadline, target, unit, advance, List.of(new PlanCommands.NewMilestone("完成摸底调查", start.plusDays(20)))), admin);
		if (progress > 0) {
			measures.reportProgress(measure.id(), new PlanCommands.ReportProgress(progress, null, "阶段进展", measure.version()),
					List.of(), admin);
		}
	}

	private <T> T as(String username, Function<CurrentUser, T> action) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return action.apply(user);
	}

}
