package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The city administrator keeps the working-day calendar through the API and the page: a change
 * changes the count at once and is audited, a stale version is refused, anyone else (a district
 * administrator, another district's staff) is refused, and bad input writes nothing. Changes are
 * made in 2032, a year nobody else uses, and removed afterwards so a kept database repeats.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarIntegrationTests {

	static final LocalDate TUESDAY = LocalDate.of(2032, 3, 2);

	static final LocalDate SATURDAY = LocalDate.of(2032, 3, 6);

	static final LocalDate MONDAY_BEFORE = LocalDate.of(2032, 3, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	Api api;

	String city;

	@BeforeAll
	void setUp() {
		api = new Api(port);
		city = api.token("city.admin");
	}

	@BeforeEach
	@AfterEach
	void clean2032() {
		jdbc.sql("delete from le_calendar_day where cal_date >= :from and cal_date <= :to")
			.param("from", LocalDate.of(2032, 1, 1))
			.param("to", LocalDate.of(2032, 12, 31))
			.update();
		calendar.refresh();
	}

	@Test
	void anyoneSignedInReadsAYearWithItsDaysAndWorkingDays() {
		Api.Reply year = api.get(api.token("resident.wang"), "/api/v1/lifeevents/calendar/2026");
		assertThat(year.status()).as(year.body()).isEqualTo(200);
		assertThat(year.json().path("entered").asBoolean()).isTrue();
		assertThat(year.json().path("workingDays").asInt()).isEqualTo(248);
		assertThat(year.json().path("days")).hasSize(39);
		JsonNode first = year.json().path("days").get(0);
		assertThat(first.path("day").asString()).isEqualTo("2026-01-01");
		assertThat(first.path("kind").asString()).isEqualTo("HOLIDAY");
		assertThat(first.path("nameZh").asString()).isEqualTo("元旦");

		Api.Reply empty = api.get(api.token("yuzhong.cadre"), "/api/v1/lifeevents/calendar/2032");
		assertThat(empty.json().path("entered").asBoolean()).isFalse();
		assertThat(empty.json().path("workingDays").asInt()).isEqualTo(262);
		assertThat(api.get(city, "/api/v1/lifeevents/calendar/1999").status()).isEqualTo(400);
		assertThat(api.get(null, "/api/v1/lifeevents/calendar/2026").status()).isEqualTo(401);
	}

	@Test
	void aDaySetThroughTheApiChangesTheCountAtOnceAndIsAudited() {
		int before = calendar.workingDaysBetween(MONDAY_BEFORE, SATURDAY);
		long audited = audited();
		assertThat(before).isEqualTo(4);

		Api.Reply holiday = api.put(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY,
				Api.json("kind", "HOLIDAY", "nameZh", "测试节", "nameEn", "Test Day", "version", 0));
		assertThat(holiday.status()).as(holiday.body()).isEqualTo(200);
		assertThat(holiday.json().path("version").asInt()).isEqualTo(1);
		Api.Reply worked = api.put(city, "/api/v1/lifeevents/calendar/days/" + SATURDAY,
				Api.json("kind", "WORKDAY", "nameZh", "测试节", "version", 0));
		assertThat(worked.status()).as(worked.body()).isEqualTo(200);

		assertThat(calendar.isWorkingDay(TUESDAY)).isFalse();
		assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
		assertThat(calendar.workingDaysBetween(MONDAY_BEFORE, SATURDAY)).isEqualTo(4);
		assertThat(calendar.addWorkingDays(MONDAY_BEFORE, 1)).isEqualTo(TUESDAY.plusDays(1));
		assertThat(api.get(city, "/api/v1/lifeevents/calendar/2032").json().path("workingDays").asInt()).isEqualTo(262);
		assertThat(api.get(city, "/api/v1/lifeevents/calendar/2032").json().path("entered").asBoolean()).isTrue();
		assertThat(audited()).isEqualTo(audited + 2);

		// the same version again is stale; the current one renames it
		assertThat(api.put(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY,
				Api.json("kind", "HOLIDAY", "nameZh", "又一次", "version", 0)).status()).isEqualTo(409);
		Api.Reply renamed = api.put(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY,
				Api.json("kind", "HOLIDAY", "nameZh", "改名节", "version", 1));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().path("version").asInt()).isEqualTo(2);

		// removing it: a stale version is refused, the current one makes the Tuesday a working day again
		assertThat(api.delete(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY + "?version=1").status()).isEqualTo(409);
		assertThat(api.delete(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY + "?version=2").status()).isEqualTo(204);
		assertThat(api.delete(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY + "?version=2").status()).isEqualTo(404);
		assertThat(calendar.isWorkingDay(TUESDAY)).isTrue();
		assertThat(calendar.workingDaysBetween(MONDAY_BEFORE, SATURDAY)).isEqualTo(5);
		assertThat(audited()).isEqualTo(audited + 4);
		assertThat(jdbc.sql("select count(*) from audit_record where kind = 'LE_CALENDAR_DAY_REMOVED' and subject_id = :id")
			.param("id", TUESDAY.toString()).query(Long.class).single()).isOne();
	}

	@Test
	void aDistrictAdministratorAndAnotherDistrictsStaffAreRefused() {
		api.put(city, "/api/v1/lifeevents/calendar/days/" + TUESDAY,
				Api.json("kind", "HOLIDAY", "nameZh", "测试节", "version", 0));
		long audited = audited();
		for (String user : new String[] { "nanan.admin", "yuzhong.admin", "yuzhong.cadre", "resident.wang" }) {
			String token = api.token(user);
			Api.Reply set = api.put(token, "/api/v1/lifeevents/calendar/days/" + SATURDAY,
					Api.json("kind", "WORKDAY", "nameZh", "不许", "version", 0));
			assertThat(set.status()).as(user).isEqualTo(403);
			assertThat(set.body()).contains("Only the city administrator can change the working-day calendar.");
			assertThat(api.delete(token, "/api/v1/lifeevents/calendar/days/" + TUESDAY + "?version=1").status()).as(user)
				.isEqualTo(403);
		}
		assertThat(days2032()).isEqualTo(1);
		assertThat(calendar.isWorkingDay(TUESDAY)).isFalse();
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void badInputIsRefusedClearlyAndWritesNothing() {
		long audited = audited();
		Api.Reply kind = put(TUESDAY, Api.json("kind", "FESTIVAL", "nameZh", "测试", "version", 0));
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.body()).contains("Choose the arrangement: holiday or weekend day worked.");
		Api.Reply weekday = put(TUESDAY, Api.json("kind", "WORKDAY", "nameZh", "测试", "version", 0));
		assertThat(weekday.status()).isEqualTo(400);
		assertThat(weekday.body()).contains("2032-03-02 is a Monday to Friday day");
		Api.Reply nameless = put(SATURDAY, Api.json("kind", "WORKDAY", "nameZh", " ", "version", 0));
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.body()).contains("Chinese name");
		Api.Reply tooLong = put(SATURDAY, Api.json("kind", "WORKDAY", "nameZh", "节".repeat(41), "version", 0));
		assertThat(tooLong.status()).isEqualTo(400);
		Api.Reply farAway = put(LocalDate.of(2100, 1, 2), Api.json("kind", "HOLIDAY", "nameZh", "测试", "version", 0));
		assertThat(farAway.status()).isEqualTo(400);
		assertThat(farAway.body()).contains("The year must be from 2000 to 2099.");
		assertThat(api.put(city, "/api/v1/lifeevents/calendar/days/2032-13-01",
				Api.json("kind", "HOLIDAY", "nameZh", "测试", "version", 0)).status()).isEqualTo(400);
		assertThat(put(SATURDAY, "{\"kind\":").status()).isEqualTo(400);

		assertThat(days2032()).isZero();
		assertThat(audited()).isEqualTo(audited);
		assertThat(calendar.isWorkingDay(TUESDAY)).isTrue();
	}

	@Test
	void theCityAdministratorKeepsTheCalendarOnThePageOthersReadIt() throws Exception {
		PageClient admin = signedIn("city.admin");
		String page = admin.get("/lifeevents/calendar?year=2026").body();
		assertThat(page).contains("id=\"day-form\"").contains("id=\"months\"")
			.contains("class=\"cal-workday\" data-day=\"2026-02-14\"").contains("春节")
			.contains("data-count=\"248\"").doesNotContain("id=\"not-entered\"");
		assertThat(admin.get("/lifeevents/calendar?year=2032").body()).contains("id=\"not-entered\"");

		HttpResponse<String> saved = admin.submit("/lifeevents/calendar?year=2032", "/lifeevents/calendar/days",
				"day=" + SATURDAY + "&kind=WORKDAY&nameZh=" + PageClient.encode("页面调休") + "&nameEn=&version=0");
		assertThat(saved.statusCode()).isEqualTo(302);
		String after = admin.get("/lifeevents/calendar?year=2032").body();
		assertThat(after).contains("alert-success").contains("页面调休").contains("class=\"cal-workday\" data-day=\"2032-03-06\"")
			.doesNotContain("id=\"not-entered\"");
		assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
		// a stale form comes back with the stale message, nothing changed
		admin.submit("/lifeevents/calendar?year=2032", "/lifeevents/calendar/days",
				"day=" + SATURDAY + "&kind=WORKDAY&nameZh=" + PageClient.encode("过期") + "&version=0");
		assertThat(admin.get("/lifeevents/calendar?year=2032").body()).contains("该记录已被他人修改，请刷新后重试。")
			.doesNotContain("过期");
		HttpResponse<String> removed = admin.submit("/lifeevents/calendar?year=2032", "/lifeevents/calendar/days/remove",
				"day=" + SATURDAY + "&version=1");
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(days2032()).isZero();

		// a district administrator reads the page without the form; a post is refused with the reason
		PageClient district = signedIn("nanan.admin");
		assertThat(district.get("/lifeevents/calendar?year=2026").body()).contains("id=\"months\"")
			.doesNotContain("id=\"day-form\"").doesNotContain("remove-day");
		district.submit("/lifeevents/calendar?year=2032", "/lifeevents/calendar/days",
				"day=" + SATURDAY + "&kind=WORKDAY&nameZh=x&version=0");
		assertThat(district.get("/lifeevents/calendar?year=2032").body()).contains("只有市级管理员可以修改工作日历。");
		assertThat(days2032()).isZero();
		// a resident does not open the page
		assertThat(signedIn("resident.wang").get("/lifeevents/calendar").statusCode()).isEqualTo(403);
	}

	private Api.Reply put(LocalDate day, String json) {
		return api.put(city, "/api/v1/lifeevents/calendar/days/" + day, json);
	}

	private long days2032() {
		return jdbc.sql("select count(*) from le_calendar_day where cal_date >= :from and cal_date <= :to")
			.param("from", LocalDate.of(2032, 1, 1))
			.param("to", LocalDate.of(2032, 12, 31))
			.query(Long.class)
			.single();
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_record where kind like 'LE_CALENDAR_%'").query(Long.class).single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient client = new PageClient(port);
		client.signIn(username, Api.DEMO_PASSWORD);
		return client;
	}

}
