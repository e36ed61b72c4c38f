package org.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.grassroots.support.Events;
import org.grassroots.dashboard.internal.Counters;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemSource;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries applied in batches (GroupCommit): a burst of reports and acceptances from many threads
 * in two streets of one district, whose deliveries share the district's and the city's counters,
 * is counted exactly once each, and a rebuild from scratch writes the same rows.
 */
@IntegrationTest
class DeliveryBatchesIntegrationTests {

	private static final int PER_STREET = 24;

	@Autowired
	UnitManagement units;

	@Autowired
	ProblemIntake intake;

	@Autowired
	ProblemDispatch dispatch;

	@Autowired
	DashboardFigures figures;

	@Autowired
	DashboardAdministration administration;

	@Autowired
	Counters counters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBurstOfReportsAndAcceptancesIsCountedOnceEach() throws Exception {
		Unit root = units.getByCode("500000", DataScope.CITY);
		CurrentUser city = new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), Set.of(Role.CITY_ADMIN),
				DataScope.CITY, DataScope.CITY, null, true, null, false);
		String code = Api.uniqueCode("B");
		Unit district = unit(code, root, UnitLevel.DISTRICT, city);
		List<Unit> streets = List.of(unit(code + "-S1", district, UnitLevel.STREET, city),
				unit(code + "-S2", district, UnitLevel.STREET, city));
		YearMonth month = YearMonth.now(Times.ZONE);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int n = 0; n < PER_STREET; n++) {
				for (Unit street : streets) {
					String title = "burst " + n + " " + code;
					CurrentUser worker = worker(street);
					done.add(threads.submit(() -> {
						Problem registered = intake.register(register(title), List.of(), worker);
						dispatch.accept(registered.id(), new ProblemCommands.Decide(registered.version(), null), worker);
					}));
				}
			}
			for (Future<?> each : done) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		settle();
		for (Unit street : streets) {
			assertThat(figures.figures(street.code(), month, city).received()).isEqualTo(PER_STREET);
		}
		assertThat(figures.figures(district.code(), month, city).received()).isEqualTo(2 * PER_STREET);
		Map<Counters.Key, List<Long>> incremental = snapshot(district);
		administration.rebuild(city);
		assertThat(snapshot(district)).isEqualTo(incremental).isNotEmpty();
	}

	private Unit unit(String code, Unit parent, UnitLevel level, CurrentUser city) {
		return units.create(new CreateUnit(code, parent.id(), "测试" + code, "Test " + code, level, null,
				UnitKind.ADMINISTRATIVE), city);
	}

	private static CurrentUser worker(Unit street) {
		DataScope scope = new DataScope(false, Set.of(street.path()), Set.of());
		return new CurrentUser(0, "worker", "worker", street.id(), street.path(), Set.of(Role.UNIT_ADMIN), scope, scope,
				null, true, null, false);
	}

	private static ProblemCommands.Register register(String title) {
		return new ProblemCommands.Register(title, "found " + title, ProblemSource.SELF_FOUND, "PARKING", null, null,
				null, null, null, null, null, null, null, null);
	}

	private Map<Counters.Key, List<Long>> snapshot(Unit district) {
		Map<Counters.Key, List<Long>> rows = new TreeMap<>();
		for (Counters.Row row : counters.all()) {
			if (row.unitPath().startsWith(district.path()) && Arrays.stream(row.values()).anyMatch(value -> value != 0)) {
				rows.put(new Counters.Key(row.unitPath(), row.month(), row.categoryCode()),
						Arrays.stream(row.values()).boxed().toList());
			}
		}
		return rows;
	}

	private void settle() {
		Events.settle(jdbc);
	}

}
