package org.grassroots.learning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

import org.grassroots.learning.LearningCommands;
import org.grassroots.learning.LearningManagement;
import org.grassroots.learning.MemberImport;
import org.grassroots.people.DemoDataLoaded;
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
 * Demo learning: this month's plan for Nan'an, points in Huayuanlu (one for Nan'an members only)
 * and Jiefangbei, a party class, and a few imported members so coverage has something to count.
 */
@Component
class DemoLearning {

	private final LearningManagement learning;

	private final MemberImport members;

	private final UnitManagement units;

	private final UserDetailsService users;

	private final Clock clock;

	DemoLearning(LearningManagement learning, MemberImport members, UnitManagement units, UserDetailsService users,
			Clock clock) {
		this.learning = learning;
		this.members = members;
		this.units = units;
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		try {
			LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
			as("nanan.admin", admin -> {
				learning.createPlan(new LearningCommands.NewPlan("本月主题教育理论学习", "《习近平新时代中国特色社会主义思想专题摘编》第一至三章",
						null, null, today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()), 4), admin);
				learning.createPoint(new LearningCommands.NewPoint("南湖社区学习打卡点", "CHECK_IN_POINT", unit("500108002001"),
						"南湖社区党群服务中心一楼", "每天 8:30-21:00", "理论读本、学习强国专区", true), admin);
				learning.createPoint(new LearningCommands.NewPoint("花园路街道理论学习充电站", "CHARGING_STATION", unit("500108002"),
						"花园路街道办事处三楼", "工作日 9:00-17:30", "专题党课视频", false), admin);
				learning.createSession(new LearningCommands.NewSession(null, "PARTY_CLASS", "学思想 强党性 重实践 建新功",
						"南岸区委宣讲团", "花园路街道会议室", unit("500108002"), clock.instant().plus(Duration.ofDays(2))), admin);
				members.importMembers("""
						username,display_name,unit_code
						member.zhao,赵党员,500108002001
						member.qian,钱党员,500108002002
						member.sun,孙党员,500108002002
						member.zhou,周党员,500108901001
						""", admin);
				return null;
			});
			as("yuzhong.admin", admin -> learning.createPoint(new LearningCommands.NewPoint("解放碑街道学习打卡点", "CHECK_IN_POINT",
					unit("500103901"), "解放碑街道党群服务中心", "每天 9:00-18:00", null, true), admin));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long unit(String code) {
		return units.getByCode(code, DataScope.CITY).id();
	}

	private <T> T as(String username, Function<CurrentUser, T> action) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return action.apply(user);
	}

}
