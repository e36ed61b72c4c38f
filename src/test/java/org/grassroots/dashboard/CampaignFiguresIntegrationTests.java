package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.support.Events;
import org.grassroots.shared.CampaignFigures.Count;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.grassroots.units.CreateUnit;
import org.grassroots.units.MoveUnit;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign counters on a district of their own, fed as plans, visits and cases feed them:
 * figures rolled up the hierarchy and to the children, a newer version replacing an older one and
 * a late one changing nothing, a unit move, the rebuild, and readers of another district refused
 * below the district.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitManagement units;

	@Autowired
	CampaignDashboard dashboard;

	@Autowired
	DashboardAdministration administration;

	@Autowired
	TestCampaignItems items;

	@Autowired
	JdbcClient jdbc;

	CurrentUser city;

	Unit district;

	Unit street1;

	Unit street2;

	Unit community;

	YearMonth month;

	int key;

	@BeforeAll
	void buildADistrict() {
		month = YearMonth.now(Times.ZONE);
		key = month.getYear() * 100 + month.getMonthValue();
		Unit root = units.getByCode("500000", DataScope.CITY);
		city = new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), Set.of(Role.CITY_ADMIN), DataScope.CITY,
				DataScope.CITY, null, true, null, false);
		String code = Api.uniqueCode("C");
		district = unit(code, root, UnitLevel.DISTRICT);
		street1 = unit(code + "-S1", district, UnitLevel.STREET);
		street2 = unit(code + "-S2", district, UnitLevel.STREET);
		community = unit(code + "-C1", street1, UnitLevel.COMMUNITY);
	}

	@Test
	@Order(1)
	void figuresAreRolledUpAndShownPerChild() {
		items.change(visit(1, 0));
		items.change(new CampaignFigures("TEST-MEASURE:" + district.code(), 1,
				List.of(new Count(street2.path(), key, "MEASURES_DUE", 1), new Count(street2.path(), CampaignFigures.NOW,
						"MEASURES_OPEN", 1), new Count(street2.path(), CampaignFigures.NOW, "MEASURES_OVERDUE", 1))));
		settle();
		CampaignBoard board = dashboard.board(district.code(), month, city);
		assertThat(board.of("VISITS")).isEqualTo(1);
		assertThat(board.of("VISITS_ON_SITE_OFFICE")).isEqualTo(1);
		assertThat(board.of("VISIT_PROBLEMS")).isEqualTo(3);
		assertThat(board.of("VISIT_SOLVED_ON_SPOT")).isEqualTo(1);
		assertThat(board.of("MEASURES_DUE")).isEqualTo(1);
		assertThat(board.of("MEASURES_OVERDUE")).isEqualTo(1);
		assertThat(board.of("CASES_PUBLISHED")).isZero();
		assertThat(child(board, street1).of("VISITS")).isEqualTo(1);
		assertThat(child(board, street1).of("MEASURES_OPEN")).isZero();
		assertThat(child(board, street2).of("MEASURES_OPEN")).isEqualTo(1);
		assertThat(child(board, street2).of("VISITS")).isZero();
		// last month's figures hold none of this month's; the figures about now stay
		CampaignBoard before = dashboard.board(district.code(), month.minusMonths(1), city);
		assertThat(before.of("VISITS")).isZero();
		assertThat(before.of("MEASURES_OVERDUE")).isEqualTo(1);
		// and the city holds them too
		assertThat(dashboard.board("500000", month, city).of("VISIT_PROBLEMS")).isGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(2)
	void aNewerVersionReplacesAnOlderAndALateOneChangesNothing() {
		items.change(visit(2, 1));
		settle();
		items.publish(visit(1, 0));
		items.publish(visit(2, 1));
		settle();
		CampaignBoard board = dashboard.board(district.code(), month, city);
		assertThat(board.of("VISITS")).isEqualTo(1);
		assertThat(board.of("VISIT_SOLVED_LATER")).isEqualTo(1);
		assertThat(child(board, street1).of("VISIT_SOLVED_LATER")).isEqualTo(1);
	}

	@Test
	@Order(3)
	void theExportHoldsThePagesNumbers() throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn("city.admin", Api.DEMO_PASSWORD);
		HttpResponse<byte[]> xlsx = pages.bytes("/dashboard/units/" + district.code() + "/campaign.xlsx?month=" + month);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		CampaignBoard board = dashboard.board(district.code(), month, city);
		String page = pages.get("/dashboard/units/" + district.code() + "?month=" + month).body();
		assertThat(page).contains("id=\"camp-visit-solved-later\">1<");
		// the visits behind the number and the cadres who made them open from the panel
		assertThat(page).contains("href=\"/visits?unit=" + district.code() + "&amp;month=" + month + "\"")
			.contains("href=\"/visits/summary?unit=" + district.code() + "&amp;month=" + month + "\"");
		assertThat(pages.get("/visits?unit=" + district.code() + "&month=" + month).statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("下基层次数");
			assertRow(sheet.getRow(1), board.figures());
			for (int r = 0; r < board.children().size(); r++) {
				assertThat(sheet.getRow(r + 2).getCell(0).getStringCellValue()).isEqualTo(board.children().get(r).unitName());
				assertRow(sheet.getRow(r + 2), board.children().get(r).figures());
			}
			assertThat(sheet.getLastRowNum()).isEqualTo(board.children().size() + 1);
		}
	}

	private static void assertRow(Row row, Map<CampaignMeasure, Long> figures) {
		CampaignMeasure[] measures = CampaignMeasure.values();
		for (int i = 0; i < measures.length; i++) {
			assertThat((long) row.getCell(i + 1).getNumericCellValue()).as(measures[i].name()).isEqualTo(figures.get(measures[i]));
		}
	}

	@Test
	@Order(4)
	void anotherDistrictsReadersSeeTheDistrictButNothingBelowIt() throws Exception {
		Api api = new Api(port);
		String yuzhong = api.token("yuzhong.admin");
		Api.Reply published = api.get(yuzhong, "/api/v1/dashboard/units/" + district.code() + "/campaign");
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().path("figures").path("VISITS").asLong()).isEqualTo(1);
		assertThat(published.json().path("children").size()).isZero();
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/" + street1.code() + "/campaign").status()).isEqualTo(404);
		PageClient yuzhongPages = new PageClient(port);
		yuzhongPages.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		// the district's page is not theirs (404); the city's panel is published, without the city's visit log
		assertThat(yuzhongPages.get("/dashboard/units/" + district.code()).statusCode()).isEqualTo(404);
		assertThat(yuzhongPages.get("/dashboard/units/500000").body()).contains("id=\"camp-visits\"")
			.doesNotContain("/visits?unit=500000");
		CurrentUser other = new CurrentUser(0, "other", "other", street2.id(), street2.path(), Set.of(Role.UNIT_ADMIN),
				new DataScope(false, Set.of(street2.path()), Set.of()), DataScope.NONE, null, true, null, false);
		assertThatThrownBy(() -> dashboard.board(street1.code(), month, other)).isInstanceOf(NotFoundException.class);
		assertThat(api.get(api.token("city.admin"), "/api/v1/dashboard/units/" + street1.code() + "/campaign").json()
			.path("figures").path("VISITS").asLong()).isEqualTo(1);
	}

	@Test
	@Order(5)
	void aMovedCommunityTakesItsFiguresToItsNewStreet() {
		community = units.move(community.id(), new MoveUnit(street2.id(), community.version()), city);
		settle();
		CampaignBoard board = dashboard.board(district.code(), month, city);
		assertThat(child(board, street1).of("VISITS")).isZero();
		assertThat(child(board, street2).of("VISITS")).isEqualTo(1);
		assertThat(board.of("VISITS")).isEqualTo(1);
		// the item's figures follow the community: its next version takes nothing from street 1
		items.change(visit(3, 2));
		settle();
		board = dashboard.board(district.code(), month, city);
		assertThat(child(board, street1).of("VISIT_SOLVED_LATER")).isZero();
		assertThat(child(board, street2).of("VISIT_SOLVED_LATER")).isEqualTo(2);
	}

	@Test
	@Order(6)
	void theRebuildCountsWhatTheEventsCounted() {
		Map<String, Long> incremental = snapshot();
		administration.rebuild(city);
		assertThat(snapshot()).isEqualTo(incremental);
		// and an item that is gone takes its figures with it
		items.change(new CampaignFigures("TEST-VISIT:" + district.code(), 4, List.of()));
		settle();
		assertThat(dashboard.board(district.code(), month, city).of("VISITS")).isZero();
	}

	private CampaignFigures visit(long version, int solvedLater) {
		return new CampaignFigures("TEST-VISIT:" + district.code(), version,
				List.of(new Count(community.path(), key, "VISITS", 1), new Count(community.path(), key, "VISITS_ON_SITE_OFFICE", 1),
						new Count(community.path(), key, "VISIT_PROBLEMS", 3),
						new Count(community.path(), key, "VISIT_SOLVED_ON_SPOT", 1),
						new Count(community.path(), key, "VISIT_SOLVED_LATER", solvedLater)));
	}

	private static CampaignBoard.Child child(CampaignBoard board, Unit unit) {
		return board.children().stream().filter(child -> child.unitCode().equals(unit.code())).findFirst().orElseThrow();
	}

	private Map<String, Long> snapshot() {
		Map<String, Long> rows = new java.util.TreeMap<>();
		jdbc.sql("select unit_path, month_key, measure, amount from dash_campaign where unit_path like :path and amount <> 0")
			.param("path", district.path() + "%")
			.query((rs, n) -> rows.put(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3), rs.getLong(4)))
			.list();
		return rows;
	}

	private Unit unit(String code, Unit parent, UnitLevel level) {
		return units.create(new CreateUnit(code, parent.id(), "测试" + code, "Test " + code, level, null,
				UnitKind.ADMINISTRATIVE), city);
	}

	private void settle() {
		Events.settle(jdbc);
	}

}
