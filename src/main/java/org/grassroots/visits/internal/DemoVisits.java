package org.grassroots.visits.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

import org.grassroots.people.DemoDataLoaded;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.visits.ReceptionDays;
import org.grassroots.visits.VisitCommands.NewReceptionDay;
import org.grassroots.visits.VisitCommands.NewVisit;
import org.grassroots.visits.VisitManagement;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo visits by nanan.cadre and yuzhong.cadre in the last weeks and reception days in the coming
 * ones, so the pages are not empty. They collect no problems: the browser tests expect their own
 * reports at the top of Nan'an's lists, and an open problem from the demo would sit there too.
 */
@Component
class DemoVisits {

	private final VisitManagement visits;

	private final ReceptionDays receptionDays;

	private final UserDetailsService users;

	private final Clock clock;

	DemoVisits(VisitManagement visits, ReceptionDays receptionDays, UserDetailsService users, Clock clock) {
		this.visits = visits;
		this.receptionDays = receptionDays;
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
		try {
			as("nanan.cadre", cadre -> {
				visits.log(new NewVisit("RESEARCH", today.minusDays(3), "南湖社区党群服务中心", "500108002001", "社区书记、网格员、居民代表 6 人",
						"了解老旧小区加装电梯的意愿和资金分摊办法，听取居民对停车管理的意见。", null), List.of(), cadre);
				visits.log(new NewVisit("PUBLICITY", today.minusDays(9), "花园路街道会议室", "500108002", "街道干部和社区书记 20 人",
						"宣讲主题教育的目标任务，部署“四下基层”工作。", null), List.of(), cadre);
				visits.log(new NewVisit("ON_SITE_OFFICE", today.minusDays(16), "南岸区住建委", "500108-D01", "住建委负责同志",
						"现场协调老旧小区改造项目审批进度。", null), List.of(), cadre);
				receptionDays.publish(new NewReceptionDay("区委副书记", "500108", "南岸区信访接待中心", today.plusDays(7),
						LocalTime.of(9, 0), LocalTime.of(12, 0), "城市管理、物业纠纷"), cadre);
				receptionDays.publish(new NewReceptionDay("区委副书记", "500108002", "花园路街道便民服务中心", today.plusDays(14),
						LocalTime.of(14, 30), LocalTime.of(17, 30), null), cadre);
				return null;
			});
			as("yuzhong.cadre", cadre -> {
				visits.log(new NewVisit("PETITION_RECEPTION", today.minusDays(5), "解放碑街道信访接待室", "500103901", "来访群众 4 人",
						"接待反映商圈噪声和占道经营的群众，逐一说明处理渠道。", null), List.of(), cadre);
				receptionDays.publish(new NewReceptionDay("区委常委", "500103", "渝中区信访接待中心", today.plusDays(5),
						LocalTime.of(9, 0), LocalTime.of(11, 30), "就业、教育"), cadre);
				return null;
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private <T> T as(String username, Function<CurrentUser, T> action) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return action.apply(user);
	}

}
