package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Events;
import org.grassroots.dashboard.internal.LearningStore;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Learning figures on a street of its own in Nan'an, fed by events: known answers for coverage and
 * check-ins, a member who moves taking both along, rebuild equal to incremental, scope refusal.
 */
@IntegrationTest
class LearningFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardAdministration administration;

	@Autowired
	LearningStore store;

	@Autowired
	UnitManagement units;

	@Test
	void coverageAndCheckInsFollowTheMemberWhereTheyAreNow() {
		Api api = new Api(port);
		String admin = api.token("nanan.admin");
		long nanan = unitId(api, "500108");
		String street = Api.uniqueCode("L");
		long streetId = createUnit(api, admin, street, nanan, "STREET");
		String c1 = street + "1";
		String c2 = street + "2";
		createUnit(api, admin, c1, streetId, "COMMUNITY");
		createUnit(api, admin, c2, streetId, "COMMUNITY");
		Map<String, Long> ids = new HashMap<>();
		for (String[] member : new String[][] { { "a", c1 }, { "b", c1 }, { "c", c2 }, { "d", street } }) {
			ids.put(member[0], openMember(api, admin, (street + member[0]).toLowerCase(), member[1]));
		}
		java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai"));
		YearMonth month = YearMonth.from(today);
		long plan = api.post(admin, "/api/v1/learning/plans", Api.json("title", "two a month", "unitId", streetId,
				"periodStart", today.withDayOfMonth(1).toString(), "periodEnd",
				today.withDayOfMonth(today.lengthOfMonth()).toString(), "requiredCount", 2)).json().path("id").asLong();
		long first = session(api, admin, streetId, plan);
		long second = session(api, admin, streetId, plan);
		attend(api, admin, first, ids.get("a"), ids.get("b"), ids.get("c"));
		attend(api, admin, second, ids.get("a"), ids.get("c"));
		settle();

		// members, met, check-ins: a and c met the plan; five attendances. Plans of Nan'an or the city
		// running this month (demo data) cover the same members: the figures add learning's coverage
		// of each running plan over the unit
		assertThat(figures(api, admin, street, month)).containsExactly(4L * plans(street, month) - 4 + 4, 2L
				+ otherMet(api, admin, street, month, plan), 5L);
		List<Long> own = learningCoverage(api, admin, plan, street);
		assertThat(own).containsExactly(4L, 2L);
		assertThat(figures(api, admin, c2, month).get(2)).isEqualTo(2L);
		assertThat(figures(api, admin, c1, month).get(2)).isEqualTo(3L);
		assertThat(figures(api, admin, c1, month).subList(0, 2)).isEqualTo(expected(api, admin, c1, month));
		assertThat(figures(api, admin, c2, month).subList(0, 2)).isEqualTo(expected(api, admin, c2, month));
		// a month without a plan running or a check-in
		assertThat(figures(api, admin, street, month.minusMonths(1))).containsExactly(0L, 0L, 0L);
		assertThat(api.get(admin, "/api/v1/dashboard/units/" + street + "/learning?month=" + month.minusMonths(1)).json()
			.path("coverage").isNull()).isTrue();

		// c moves to the first community, taking its met plan and its two check-ins along
		JsonNode account = api.get(api.token("system.admin"), "/api/v1/accounts/" + ids.get("c")).json();
		assertThat(api.post(api.token("system.admin"), "/api/v1/accounts/" + ids.get("c") + "/move",
				Api.json("unitCode", c1, "version", account.path("version").asInt())).status()).isEqualTo(200);
		settle();
		assertThat(figures(api, admin, street, month).get(2)).isEqualTo(5L);
		assertThat(figures(api, admin, street, month).subList(0, 2)).isEqualTo(expected(api, admin, street, month));
		assertThat(learningCoverage(api, admin, plan, c1)).containsExactly(3L, 2L);
		assertThat(figures(api, admin, c1, month).get(2)).isEqualTo(5L);
		assertThat(figures(api, admin, c1, month).subList(0, 2)).isEqualTo(expected(api, admin, c1, month));
		assertThat(figures(api, admin, c2, month)).containsExactly(0L, 0L, 0L);

		// another district's user gets 404 below Nan'an
		String yuzhong = api.token("yuzhong.admin");
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + street + "/learning").status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108/learning").status()).isEqualTo(200);
		assertThat(api.get(api.token("member.li"), "/api/v1/dashboard/units/500108/learning").status()).isEqualTo(403);

		// rebuild equals incremental, on this street and on the whole city
		Unit streetUnit = units.getByCode(street, DataScope.CITY);
		List<String> incremental = store.snapshot("/");
		List<String> incrementalStreet = store.snapshot(streetUnit.path());
		administration.rebuild(cityAdmin());
		assertThat(store.snapshot(streetUnit.path())).isEqualTo(incrementalStreet).isNotEmpty();
		assertThat(store.snapshot("/")).isEqualTo(incremental);
	}

	private List<Long> figures(Api api, String token, String unit, YearMonth month) {
		Api.Reply reply = api.get(token, "/api/v1/dashboard/units/" + unit + "/learning?month=" + month);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return List.of(reply.json().path("members").asLong(), reply.json().path("met").asLong(),
				reply.json().path("checkIns").asLong());
	}

	/** The plans running in the month whose audience includes the unit (read here only to know the answer). */
	private List<Long> runningPlans(String unitCode, YearMonth month) {
		String path = units.getByCode(unitCode, DataScope.CITY).path();
		return jdbc.sql("select id from study_plan where cast(:path as varchar(1000)) like unit_path || '%'"
				+ " and period_start <= :last and period_end >= :first order by id")
			.param("path", path)
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.query(Long.class)
			.list();
	}

	private long plans(String unitCode, YearMonth month) {
		return runningPlans(unitCode, month).size();
	}

	/** The sum of learning's own coverage of each running plan over the unit: the definition. */
	private List<Long> expected(Api api, String token, String unitCode, YearMonth month) {
		long members = 0;
		long met = 0;
		for (long plan : runningPlans(unitCode, month)) {
			List<Long> coverage = learningCoverage(api, token, plan, unitCode);
			members += coverage.get(0);
			met += coverage.get(1);
		}
		return List.of(members, met);
	}

	private long otherMet(Api api, String token, String unitCode, YearMonth month, long own) {
		return expected(api, token, unitCode, month).get(1) - learningCoverage(api, token, own, unitCode).get(1);
	}

	private List<Long> learningCoverage(Api api, String token, long plan, String unitCode) {
		Api.Reply reply = api.get(token, "/api/v1/learning/plans/" + plan + "/coverage?unitId=" + unitId(api, unitCode));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return List.of(reply.json().path("total").path("members").asLong(), reply.json().path("total").path("met").asLong());
	}

	private CurrentUser cityAdmin() {
		Unit root = units.getByCode("500000", DataScope.CITY);
		return new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), java.util.Set.of(Role.CITY_ADMIN),
				DataScope.CITY, DataScope.CITY, null, true, null, false);
	}

	private void settle() {
		Events.settle(jdbc);
	}

	private static long session(Api api, String admin, long hostUnitId, long plan) {
		Api.Reply created = api.post(admin, "/api/v1/learning/sessions", Api.json("planId", plan, "kind", "SEMINAR", "topic",
				"研讨", "speaker", "书记", "place", "会议室", "hostUnitId", hostUnitId, "startsAt", Instant.now().toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static void attend(Api api, String admin, long session, Long... accountIds) {
		Api.Reply reply = api.post(admin, "/api/v1/learning/sessions/" + session + "/attendance",
				Api.json("accountIds", List.of(accountIds)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private static long openMember(Api api, String admin, String username, String unitCode) {
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", username,
				"unitCode", unitCode, "roles", List.of(Map.of("role", "PARTY_MEMBER")), "password", "a-long-member-password"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().path("account").path("id").asLong();
	}

	private static long createUnit(Api api, String admin, String code, long parentId, String level) {
		Api.Reply created = api.post(admin, "/api/v1/units", Api.json("code", code, "parentId", parentId, "nameZh", code,
				"level", level));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static long unitId(Api api, String code) {
		return api.get(api.token("city.admin"), "/api/v1/units/by-code/" + code).json().path("id").asLong();
	}

}
