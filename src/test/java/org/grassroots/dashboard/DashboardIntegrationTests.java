package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.support.Events;
import org.grassroots.dashboard.internal.Counters;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Rating;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
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

import tools.jackson.databind.JsonNode;

/**
 * Known answers on a district of its own, built through the real commands: reopened, returned,
 * split, escalated, delegated, declined, duplicate, overdue and supervised problems, a summons, and
 * a community moved with its problem to another street. Then: rebuild equals incremental, weights
 * change the ranking, and other districts' users are refused below the district level.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitManagement units;

	@Autowired
	ProblemIntake intake;

	@Autowired
	ProblemDispatch dispatch;

	@Autowired
	ProblemRectification rectification;

	@Autowired
	ProblemSupervision supervision;

	@Autowired
	ProblemEvaluation evaluation;

	@Autowired
	ProblemViews views;

	@Autowired
	DashboardAdministration administration;

	@Autowired
	DashboardFigures figures;

	@Autowired
	Counters counters;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CurrentUser city;

	Unit district;

	Unit street1;

	Unit street2;

	Unit community1;

	Unit community2;

	YearMonth month;

	@BeforeAll
	void buildADistrict() {
		api = new Api(port);
		month = YearMonth.now(Times.ZONE);
		Unit root = units.getByCode("500000", DataScope.CITY);
		city = new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), Set.of(Role.CITY_ADMIN), DataScope.CITY,
				DataScope.CITY, null, true, null, false);
		String code = Api.uniqueCode("T");
		district = unit(code, root, UnitLevel.DISTRICT, UnitKind.ADMINISTRATIVE);
		street1 = unit(code + "-S1", district, UnitLevel.STREET, UnitKind.ADMINISTRATIVE);
		street2 = unit(code + "-S2", district, UnitLevel.STREET, UnitKind.ADMINISTRATIVE);
		community1 = unit(code + "-C1", street1, UnitLevel.COMMUNITY, UnitKind.ADMINISTRATIVE);
		community2 = unit(code + "-C2", street2, UnitLevel.COMMUNITY, UnitKind.ADMINISTRATIVE);
		Unit department = unit(code + "-D1", district, UnitLevel.DISTRICT, UnitKind.DEPARTMENT);
		CurrentUser admin = user("d.admin", district, Role.UNIT_ADMIN);
		CurrentUser s1 = user("s1.worker", street1, Role.CASEWORKER);
		CurrentUser s2 = user("s2.worker", street2, Role.CASEWORKER);
		CurrentUser dep = user("dep.worker", department, Role.CASEWORKER);

		// A: closed on time, rated satisfied (street 1)
		ProblemIntake.Reported a = report(community1, "PARKING", "A", null);
		Problem p = dispatch.accept(a.problem().id(), decide(a.problem().version()), admin);
		p = assign(p, street1, admin);
		p = close(p, admin, s1);
		evaluation.evaluate(a.trackingCode(), new ProblemCommands.Evaluate(Rating.SATISFIED, null));

		// B: returned once, closed, rated dissatisfied, reopened on review (street 1, open)
		ProblemIntake.Reported b = report(community1, "ELDERLY_CARE", "B", null);
		p = dispatch.accept(b.problem().id(), decide(b.problem().version()), admin);
		p = assign(p, street1, admin);
		p = rectification.plan(p.id(), new ProblemCommands.Plan(p.version(), "measures", null), s1);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "evidence"), List.of(), s1);
		p = rectification.returnRectification(p.id(), new ProblemCommands.Decide(p.version(), "not enough"), admin);
		p = close(p, admin, s1);
		p = evaluation.evaluate(b.trackingCode(), new ProblemCommands.Evaluate(Rating.DISSATISFIED, "no"));
		evaluation.review(p.id(), new ProblemCommands.Review(p.version(), true, "reopen"), admin);

		// C: declined (district)
		ProblemIntake.Reported c = report(community1, "OTHER", "C", null);
		dispatch.decline(c.problem().id(), new ProblemCommands.Decide(c.problem().version(), "not ours"), admin);

		// D: never acted on, flagged overdue (district); E: a duplicate of D, not counted
		ProblemIntake.Reported d = report(community1, "PARKING", "D", null);
		supervision.flagOverdue(d.problem().id());
		report(community1, "PARKING", "E", d.problem().id());

		// F: registered by the district and split to both streets; the parent is not counted, its
		// children are; street 1 summons the department on its child, which reports in; the
		// district supervises that child
		p = intake.register(register("F", "PARKING"), List.of(), admin);
		p = dispatch.accept(p.id(), decide(p.version()), admin);
		dispatch.split(p.id(), new ProblemCommands.Split(p.version(), List.of(street1.id(), street2.id()), null, null), admin);
		Problem child1 = childAt(p.id(), street1);
		supervision.summon(child1.id(), new ProblemCommands.Summon(List.of(department.id()), "several departments", false), s1);
		supervision.reportIn(child1.id(), new ProblemCommands.ReportIn("Wang"), dep);
		child1 = views.get(child1.id(), admin);
		supervision.supervise(child1.id(), new ProblemCommands.Supervise(child1.version(), "push"), admin);

		// G: registered and accepted by street 2, escalated to the district
		p = intake.register(register("G", "EDUCATION"), List.of(), s2);
		p = dispatch.accept(p.id(), decide(p.version()), s2);
		dispatch.escalate(p.id(), new ProblemCommands.Escalate(p.version(), null, "beyond us"), s2);

		// H: accepted by the district and delegated to street 2
		ProblemIntake.Reported h = report(community1, "HOUSING", "H", null);
		p = dispatch.accept(h.problem().id(), decide(h.problem().version()), admin);
		dispatch.delegate(p.id(), new ProblemCommands.Delegate(p.version(), street2.id(), null), admin);

		// I: assigned to community 2, which then moves with it from street 2 to street 1
		ProblemIntake.Reported i = report(community2, "ELEVATOR", "I", null);
		p = dispatch.accept(i.problem().id(), decide(i.problem().version()), admin);
		assign(p, community2, admin);
		community2 = units.move(community2.id(), new MoveUnit(street1.id(), community2.version()), city);

		// K: registered by street 1 and not acted on yet
		intake.register(register("K", "PARKING"), List.of(), s1);
		settle();
	}

	@Test
	void aDistrictsFiguresHaveTheKnownAnswers() {
		Figures d = figures.figures(district.code(), month, city);
		// received: A B C D F1 F2 G H I K (not the duplicate E, not the split parent F)
		assertThat(d.received()).isEqualTo(10);
		// responded: all but D and K, which nobody acted on
		assertThat(d.responded()).isEqualTo(8);
		assertThat(d.declined()).isEqualTo(1);
		assertThat(d.returned()).isEqualTo(1);
		assertThat(d.reopened()).isEqualTo(1);
		assertThat(d.closed()).isEqualTo(1);
		assertThat(d.resolved()).isEqualTo(1);
		assertThat(d.closedOnTime()).isEqualTo(1);
		assertThat(d.rated()).isEqualTo(1);
		assertThat(d.satisfied()).isEqualTo(1);
		assertThat(d.summoned()).isEqualTo(1);
		assertThat(d.reportedIn()).isEqualTo(1);
		// open now: B D F1 F2 G H I K
		assertThat(d.openNow()).isEqualTo(8);
		assertThat(d.overdueNow()).isEqualTo(1);
		assertThat(d.supervisedNow()).isEqualTo(1);
		assertThat(d.responseRate()).isEqualTo(0.8);
		assertThat(d.resolutionRate()).isEqualTo(1.0);
		assertThat(d.satisfactionRate()).isEqualTo(1.0);
		assertThat(d.onTimeRate()).isEqualTo(1.0);
		assertThat(d.reportInRate()).isEqualTo(1.0);
		assertThat(d.score()).isEqualTo(94.0);

		// street 1 holds A B F1 K and, since the move, I
		Figures s1 = figures.figures(street1.code(), month, city);
		assertThat(List.of(s1.received(), s1.responded(), s1.returned(), s1.reopened(), s1.closed(), s1.openNow(),
				s1.supervisedNow(), s1.summoned())).containsExactly(5L, 4L, 1L, 1L, 1L, 4L, 1L, 0L);
		// street 2 holds F2 and the delegated H; I left with its community
		Figures s2 = figures.figures(street2.code(), month, city);
		assertThat(List.of(s2.received(), s2.responded(), s2.openNow())).containsExactly(2L, 2L, 2L);
		Figures moved = figures.figures(community2.code(), month, city);
		assertThat(List.of(moved.received(), moved.responded(), moved.openNow())).containsExactly(1L, 1L, 1L);
	}

	@Test
	void theApiGivesTheSameFiguresRankingTrendAndCategories() {
		String token = api.token("city.admin");
		Api.Reply reply = api.get(token, "/api/v1/dashboard/units/" + district.code() + "/figures?month=" + month);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().path("received").asLong()).isEqualTo(10);
		assertThat(reply.json().path("responseRate").asDouble()).isEqualTo(0.8);

		Api.Reply trend = api.get(token, "/api/v1/dashboard/units/" + district.code() + "/trend?from=" + month.minusMonths(1)
				+ "&to=" + month);
		assertThat(trend.json().get(1).path("received").asLong()).isEqualTo(10);
		assertThat(trend.json().get(1).path("closed").asLong()).isEqualTo(1);
		assertThat(trend.json().get(0).path("received").asLong()).isZero();

		Api.Reply categories = api.get(token, "/api/v1/dashboard/units/" + district.code() + "/categories?month=" + month);
		JsonNode first = categories.json().get(0);
		// PARKING: A D F1 F2 K
		assertThat(first.path("categoryCode").asString()).isEqualTo("PARKING");
		assertThat(first.path("received").asLong()).isEqualTo(5);
		assertThat(first.path("change").asLong()).isEqualTo(5);

		Api.Reply behind = api.get(token, "/api/v1/dashboard/units/" + district.code() + "/problems?measure=SUPERVISED");
		assertThat(behind.status()).as(behind.body()).isEqualTo(200);
		assertThat(behind.json().path("items")).hasSize(1);
		assertThat(behind.json().path("items").get(0).path("link").asString()).startsWith("/problems/");
	}

	@Test
	void changingTheWeightsChangesTheRanking() {
		Weights before = administration.weights();
		try {
			// street 1: response 4/5, resolution 1/1, satisfaction 1/1; street 2: response 2/2, nothing closed
			change(100, 0, 0);
			assertThat(order()).containsExactly(street2.code(), street1.code());
			change(0, 50, 50);
			assertThat(order()).containsExactly(street1.code(), street2.code());
			Ranking ranking = figures.ranking(district.code(), month, city);
			assertThat(ranking.places().get(0).figures().score()).isEqualTo(100.0);
			assertThat(ranking.places().get(1).figures().score()).isNull();
			assertThat(ranking.places().get(0).previousRank()).isNull();
		}
		finally {
			Weights now = administration.weights();
			administration.changeWeights(new Weights.Change(before.response(), before.resolution(), before.satisfaction(),
					now.version()), city);
		}
	}

	@Test
	void weightsAreTheCityAdministratorsAndVersioned() {
		Weights now = administration.weights();
		String body = Api.json("response", now.response(), "resolution", now.resolution(), "satisfaction",
				now.satisfaction(), "version", now.version());
		assertThat(api.put(api.token("nanan.admin"), "/api/v1/dashboard/weights", body).status()).isEqualTo(403);
		String stale = Api.json("response", 30, "resolution", 35, "satisfaction", 35, "version", now.version() + 7);
		assertThat(api.put(api.token("city.admin"), "/api/v1/dashboard/weights", stale).status()).isEqualTo(409);
		String zero = Api.json("response", 0, "resolution", 0, "satisfaction", 0, "version", now.version());
		assertThat(api.put(api.token("city.admin"), "/api/v1/dashboard/weights", zero).status()).isEqualTo(400);
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/dashboard/weights").json().path("response").asInt())
			.isEqualTo(now.response());
		assertThat(api.post(api.token("nanan.admin"), "/api/v1/dashboard/rebuild", "{}").status()).isEqualTo(403);
	}

	@Test
	void anotherDistrictSeesThePublishedRankingButCannotDrillIntoNanan() {
		String yuzhong = api.token("yuzhong.admin");
		Api.Reply ranking = api.get(yuzhong, "/api/v1/dashboard/units/500000/ranking");
		assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
		Map<String, Boolean> drillable = new LinkedHashMap<>();
		ranking.json().path("places").forEach(place -> drillable.put(place.path("figures").path("unitCode").asString(),
				place.path("drillable").asBoolean()));
		assertThat(drillable).containsEntry("500103", true).containsEntry("500108", false).hasSizeGreaterThanOrEqualTo(38);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108/figures").status()).isEqualTo(200);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108/ranking").status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108002/figures").status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108002/ranking").status()).isEqualTo(404);
		assertThat(api.get(yuzhong, "/api/v1/dashboard/units/500108/problems?measure=RECEIVED").status()).isEqualTo(404);
		assertThat(api.get(api.token("nanan.cadre"), "/api/v1/dashboard/units/500108/ranking").status()).isEqualTo(200);
		assertThat(api.get(api.token("huayuanlu.worker"), "/api/v1/dashboard/units/500108/ranking").status())
			.isEqualTo(404);
		assertThat(api.get(api.token("member.li"), "/api/v1/dashboard/units/500000/ranking").status()).isEqualTo(403);
	}

	/**
	 * Compared on this class's district and on Nan'an's demo data (with whatever other tests did
	 * there through commands); other tests insert problems behind the app's back elsewhere
	 * (ProblemListIntegrationTests in Yuzhong), which no event reports and only a rebuild counts.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void rebuildEqualsIncremental() {
		settle();
		Map<Counters.Key, List<Long>> incremental = snapshot();
		FiguresRebuilt rebuilt = administration.rebuild(city);
		Map<Counters.Key, List<Long>> fromScratch = snapshot();
		assertThat(rebuilt.problems()).isPositive();
		assertThat(fromScratch).isEqualTo(incremental);
		// and the events keep counting on top of the rebuilt tables
		CurrentUser s1 = user("s1.worker", street1, Role.CASEWORKER);
		intake.register(register("L", "PARKING"), List.of(), s1);
		settle();
		assertThat(figures.figures(street1.code(), month, city).received()).isEqualTo(6);
		Map<Counters.Key, List<Long>> after = snapshot();
		administration.rebuild(city);
		assertThat(snapshot()).isEqualTo(after);
	}

	private List<String> order() {
		return figures.ranking(district.code(), month, city).places().stream().map(place -> place.figures().unitCode()).toList();
	}

	private void change(int response, int resolution, int satisfaction) {
		administration.changeWeights(new Weights.Change(response, resolution, satisfaction,
				administration.weights().version()), city);
	}

	private Map<Counters.Key, List<Long>> snapshot() {
		Map<Counters.Key, List<Long>> rows = new java.util.TreeMap<>();
		for (Counters.Row row : counters.all()) {
			if ((row.unitPath().startsWith(district.path()) || row.unitPath().startsWith("/500000/500108/")) && Arrays.stream(row.values()).anyMatch(value -> value != 0)) {
				rows.put(new Counters.Key(row.unitPath(), row.month(), row.categoryCode()),
						Arrays.stream(row.values()).boxed().toList());
			}
		}
		return rows;
	}

	private void settle() {
		Events.settle(jdbc);
	}

	private Unit unit(String code, Unit parent, UnitLevel level, UnitKind kind) {
		return units.create(new CreateUnit(code, parent.id(), "测试" + code, "Test " + code, level, null, kind), city);
	}

	private static CurrentUser user(String name, Unit unit, Role role) {
		DataScope scope = new DataScope(false, Set.of(unit.path()), Set.of());
		return new CurrentUser(0, name, name, unit.id(), unit.path(), Set.of(role), scope,
				role == Role.UNIT_ADMIN ? scope : DataScope.NONE, null, true, null, false);
	}

	private ProblemIntake.Reported report(Unit place, String category, String title, Long duplicateOf) {
		return intake.report(new ProblemCommands.ResidentReport(place.id(), category, title + " " + district.code(),
				"resident says " + title, null, null, null, "13912345678", false, duplicateOf), List.of());
	}

	private ProblemCommands.Register register(String title, String category) {
		return new ProblemCommands.Register(title + " " + district.code(), "found " + title, ProblemSource.SELF_FOUND,
				category, null, null, null, null, null, null, null, null, null, null);
	}

	private static ProblemCommands.Decide decide(int version) {
		return new ProblemCommands.Decide(version, null);
	}

	private Problem assign(Problem p, Unit to, CurrentUser admin) {
		return dispatch.assign(p.id(), new ProblemCommands.Assign(p.version(), to.id(), "Li", null, null), admin);
	}

	/** Plans (or replans), submits and recognizes for both sides: the district raises, the street responds. */
	private Problem close(Problem p, CurrentUser raising, CurrentUser street) {
		p = rectification.plan(p.id(), new ProblemCommands.Plan(p.version(), "measures", null), street);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "evidence"), List.of(), street);
		p = rectification.recognize(p.id(), decide(p.version()), raising);
		return rectification.recognize(p.id(), decide(p.version()), street);
	}

	private Problem childAt(long parentId, Unit unit) {
		Long id = jdbc.sql("select id from problem where parent_id = :parent and responsible_unit_id = :unit")
			.param("parent", parentId)
			.param("unit", unit.id())
			.query(Long.class)
			.single();
		return views.get(id, city);
	}

}
