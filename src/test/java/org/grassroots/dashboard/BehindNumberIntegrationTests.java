package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.support.Events;
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
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The problems behind a number are exactly the problems counted: on a district of its own, built
 * through the real commands with a problem for every way of counting or not counting (late
 * response, late closure, dissatisfied and upheld, reopened, returned, declined, duplicate, split,
 * overdue, supervised), every measure's list has as many problems as its number, at the district
 * and at a street, and holds only problems of the unit's subtree.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehindNumberIntegrationTests {

	private static final List<Measure> EXACT = List.of(Measure.RECEIVED, Measure.RESPONDED, Measure.DECLINED,
			Measure.RETURNED, Measure.REOPENED, Measure.CLOSED, Measure.RESOLVED, Measure.CLOSED_ON_TIME, Measure.RATED,
			Measure.SATISFIED, Measure.OPEN, Measure.OVERDUE, Measure.SUPERVISED);

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
	DashboardFigures figures;

	@Autowired
	JdbcClient jdbc;

	CurrentUser city;

	Unit district;

	Unit street1;

	Unit street2;

	YearMonth month;

	@BeforeAll
	void buildADistrict() {
		month = YearMonth.now(Times.ZONE);
		Unit root = units.getByCode("500000", DataScope.CITY);
		city = new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), Set.of(Role.CITY_ADMIN), DataScope.CITY,
				DataScope.CITY, null, true, null, false);
		String code = Api.uniqueCode("B");
		district = unit(code, root, UnitLevel.DISTRICT);
		street1 = unit(code + "-S1", district, UnitLevel.STREET);
		street2 = unit(code + "-S2", district, UnitLevel.STREET);
		Unit community = unit(code + "-C1", street1, UnitLevel.COMMUNITY);
		CurrentUser admin = user("d.admin", district, Role.UNIT_ADMIN);
		CurrentUser s1 = user("s1.worker", street1, Role.CASEWORKER);

		// A: closed on time, satisfied
		ProblemIntake.Reported a = report(community, "PARKING", "A", null);
		Problem p = assign(accept(a.problem(), admin), street1, admin);
		close(p, admin, s1);
		evaluation.evaluate(a.trackingCode(), new ProblemCommands.Evaluate(Rating.BASICALLY_SATISFIED, null));

		// B: returned once, closed, dissatisfied, reopened by the review: open again
		ProblemIntake.Reported b = report(community, "ELDERLY_CARE", "B", null);
		p = assign(accept(b.problem(), admin), street1, admin);
		p = rectification.plan(p.id(), new ProblemCommands.Plan(p.version(), "measures", null), s1);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "evidence"), List.of(), s1);
		p = rectification.returnRectification(p.id(), new ProblemCommands.Decide(p.version(), "not enough"), admin);
		p = close(p, admin, s1);
		p = evaluation.evaluate(b.trackingCode(), new ProblemCommands.Evaluate(Rating.DISSATISFIED, "no"));
		evaluation.review(p.id(), new ProblemCommands.Review(p.version(), true, "reopen"), admin);

		// M: responded late, closed after its deadline, dissatisfied, the closure upheld on review
		ProblemIntake.Reported m = report(community, "PARKING", "M", null);
		Instant past = Instant.now().minus(1, ChronoUnit.DAYS);
		jdbc.sql("update problem set response_due = :past where id = :id")
			.param("past", Times.utc(past))
			.param("id", m.problem().id())
			.update();
		p = assign(accept(views.get(m.problem().id(), admin), admin), street1, admin);
		jdbc.sql("update problem set deadline = :past where id = :id").param("past", Times.utc(past)).param("id", p.id()).update();
		p = close(views.get(p.id(), admin), admin, s1);
		p = evaluation.evaluate(m.trackingCode(), new ProblemCommands.Evaluate(Rating.DISSATISFIED, "slow"));
		evaluation.review(p.id(), new ProblemCommands.Review(p.version(), false, "done as agreed"), admin);

		// N: closed, not rated
		ProblemIntake.Reported n = report(community, "HOUSING", "N", null);
		close(assign(accept(n.problem(), admin), street1, admin), admin, s1);

		// C: declined; D: never acted on, overdue; E: a duplicate of D
		ProblemIntake.Reported c = report(community, "OTHER", "C", null);
		dispatch.decline(c.problem().id(), new ProblemCommands.Decide(c.problem().version(), "not ours"), admin);
		ProblemIntake.Reported d = report(community, "PARKING", "D", null);
		supervision.flagOverdue(d.problem().id());
		report(community, "PARKING", "E", d.problem().id());

		// F: split to both streets, street 1's child supervised and flagged overdue
		p = intake.register(register("F", "PARKING"), List.of(), admin);
		p = dispatch.accept(p.id(), decide(p.version()), admin);
		dispatch.split(p.id(), new ProblemCommands.Split(p.version(), List.of(street1.id(), street2.id()), null, null), admin);
		long child = jdbc.sql("select id from problem where parent_id = :parent and responsible_unit_id = :unit")
			.param("parent", p.id())
			.param("unit", street1.id())
			.query(Long.class)
			.single();
		Problem child1 = views.get(child, admin);
		supervision.supervise(child1.id(), new ProblemCommands.Supervise(child1.version(), "push"), admin);
		supervision.flagOverdue(child1.id());

		// K: registered by street 1, not acted on
		intake.register(register("K", "PARKING"), List.of(), s1);
		settle();
	}

	@Test
	void everyMeasuresListHasExactlyItsNumber() {
		for (Unit unit : List.of(district, street1, street2)) {
			Figures shown = figures.figures(unit.code(), month, city);
			Map<Measure, Long> numbers = numbers(shown);
			for (Measure measure : EXACT) {
				BehindNumber behind = figures.behind(unit.code(), measure, month, null, 0, city);
				// a returned rectification counts each return; here each problem was returned once
				assertThat(behind.exact()).as("%s exact", measure).isEqualTo(measure != Measure.RETURNED);
				assertThat(Long.parseLong(behind.total())).as("%s at %s", measure, unit.code())
					.isEqualTo(numbers.get(measure));
				assertThat(behind.items()).as("%s at %s", measure, unit.code()).hasSize(numbers.get(measure).intValue());
				Set<Long> ids = new HashSet<>();
				behind.items().forEach(item -> ids.add(item.id()));
				assertThat(ids).hasSize(behind.items().size());
			}
		}
		// and the data set makes every measure differ from the one it is a part of
		Figures d = figures.figures(district.code(), month, city);
		assertThat(List.of(d.received(), d.responded(), d.declined(), d.returned(), d.reopened(), d.closed(), d.resolved(),
				d.closedOnTime(), d.rated(), d.satisfied(), d.openNow(), d.overdueNow(), d.supervisedNow()))
			// received: A B M N C D F1 F2 K; responded: all but M (late), D and K
			.containsExactly(9L, 6L, 1L, 1L, 1L, 3L, 2L, 2L, 2L, 1L, 5L, 2L, 1L);
	}

	@Test
	void aCategoryNarrowsTheListAsItNarrowsTheNumber() {
		BehindNumber parking = figures.behind(district.code(), Measure.RECEIVED, month, "PARKING", 0, city);
		// A M D F1 F2 K
		assertThat(parking.total()).isEqualTo("6");
		assertThat(figures.behind(district.code(), Measure.CLOSED, month, "PARKING", 0, city).total()).isEqualTo("2");
	}

	@Test
	void theApiSaysTheListIsExactAndRefusesAnotherDistrict() {
		Api api = new Api(port);
		Api.Reply reply = api.get(api.token("city.admin"),
				"/api/v1/dashboard/units/" + district.code() + "/problems?measure=CLOSED&month=" + month);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().path("exact").asBoolean()).isTrue();
		assertThat(reply.json().path("items")).hasSize(3);
		assertThat(api.get(api.token("yuzhong.admin"), "/api/v1/dashboard/units/" + street1.code()
				+ "/problems?measure=CLOSED&month=" + month).status()).isEqualTo(404);
	}

	private static Map<Measure, Long> numbers(Figures f) {
		Map<Measure, Long> numbers = new EnumMap<>(Measure.class);
		numbers.put(Measure.RECEIVED, f.received());
		numbers.put(Measure.RESPONDED, f.responded());
		numbers.put(Measure.DECLINED, f.declined());
		numbers.put(Measure.RETURNED, f.returned());
		numbers.put(Measure.REOPENED, f.reopened());
		numbers.put(Measure.CLOSED, f.closed());
		numbers.put(Measure.RESOLVED, f.resolved());
		numbers.put(Measure.CLOSED_ON_TIME, f.closedOnTime());
		numbers.put(Measure.RATED, f.rated());
		numbers.put(Measure.SATISFIED, f.satisfied());
		numbers.put(Measure.OPEN, f.openNow());
		numbers.put(Measure.OVERDUE, f.overdueNow());
		numbers.put(Measure.SUPERVISED, f.supervisedNow());
		return numbers;
	}

	private void settle() {
		Events.settle(jdbc);
	}

	private Unit unit(String code, Unit parent, UnitLevel level) {
		return units.create(new CreateUnit(code, parent.id(), "测试" + code, "Test " + code, level, null,
				UnitKind.ADMINISTRATIVE), city);
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

	private Problem accept(Problem p, CurrentUser admin) {
		return dispatch.accept(p.id(), decide(p.version()), admin);
	}

	private Problem assign(Problem p, Unit to, CurrentUser admin) {
		return dispatch.assign(p.id(), new ProblemCommands.Assign(p.version(), to.id(), "Li", null, null), admin);
	}

	/** Plans, submits and recognizes for both sides: the district raises, the street responds. */
	private Problem close(Problem p, CurrentUser raising, CurrentUser street) {
		p = rectification.plan(p.id(), new ProblemCommands.Plan(p.version(), "measures", null), street);
		p = rectification.submit(p.id(), new ProblemCommands.Submit(p.version(), "evidence"), List.of(), street);
		p = rectification.recognize(p.id(), decide(p.version()), raising);
		return rectification.recognize(p.id(), decide(p.version()), street);
	}

}
