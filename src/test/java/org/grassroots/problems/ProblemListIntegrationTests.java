package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Lists below the district and searches by category and state are read from the party rows'
 * copies of the order and filter columns: they must answer exactly what the problems themselves
 * say, in the same order, and the copies must follow every command.
 */
@IntegrationTest
class ProblemListIntegrationTests {

	static final String ORDER = " order by p.overdue desc, p.priority desc, coalesce(p.deadline, p.response_due) asc, p.id desc";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProblemRepository repository;

	ProblemSteps steps;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		steps = new ProblemSteps(api);
	}

	@Test
	void aStreetsListAndAFilteredSearchAnswerWhatTheProblemsSayInTheListsOrder() {
		List<Long> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long id = steps.register("nanan.admin", Api.uniqueCode("ordered " + i + " "));
			steps.ok("nanan.admin", id, "accept");
			steps.ok("nanan.admin", id, "assign", "unitId", steps.unitId(ProblemSteps.STREET), "person", "张工作人员");
			mine.add(id);
		}
		long supervised = mine.get(2);
		steps.ok("nanan.admin", supervised, "supervise", "reason", "两周未动");
		steps.ok("huayuanlu.worker", mine.get(1), "plan", "measures", "clear the lane");

		String street = "/500000/500108/500108002/";
		List<Long> page = ids(api.get(steps.token("huayuanlu.worker"), "/api/v1/problems?page=0").json());
		assertThat(page).isEqualTo(expected(street, ""));
		// other tests add problems here too, so only the supervised one is sure of the first page
		assertThat(page).as("supervision raises a problem to the first page").contains(supervised);

		JsonNode assigned = api.get(steps.token("huayuanlu.worker"), "/api/v1/problems?state=ASSIGNED").json();
		assertThat(ids(assigned)).isEqualTo(expected(street, " and p.state = 'ASSIGNED'"))
			.contains(supervised)
			.doesNotContain(mine.get(1));
		assertThat(assigned.path("total").asLong()).isEqualTo(count(street, " and p.state = 'ASSIGNED'"));

		String filter = " and p.state = 'RECTIFYING' and p.category_code = 'PARKING'";
		JsonNode district = api.get(steps.token("nanan.admin"), "/api/v1/problems?state=RECTIFYING&category=PARKING").json();
		assertThat(ids(district)).isEqualTo(expected("/500000/500108/", filter)).isNotEmpty();
		assertThat(district.path("total").asLong()).isEqualTo(count("/500000/500108/", filter));

		// another district sees none of them, filtered or not
		for (String outsider : List.of("jiefangbei.worker", "yuzhong.admin")) {
			assertThat(ids(api.get(steps.token(outsider), "/api/v1/problems?page=0").json())).doesNotContainAnyElementsOf(mine);
			assertThat(ids(api.get(steps.token(outsider), "/api/v1/problems?state=ASSIGNED&category=PARKING").json()))
				.doesNotContainAnyElementsOf(mine);
		}
	}

	@Test
	void partyRowsFollowEveryChangeToTheirProblem() {
		long id = steps.register("nanan.admin", Api.uniqueCode("copied "));
		assertCopiesMatch(id);
		steps.toSubmitted(id);
		assertCopiesMatch(id);
		steps.ok("nanan.admin", id, "return", "note", "not done");
		steps.ok("nanan.admin", id, "supervise", "reason", "returned once");
		assertCopiesMatch(id);
		assertThat(jdbc.sql("select count(distinct state) from problem_party where problem_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from problem_party where problem_id = :id").param("id", id)
			.query(Integer.class).single()).as("the district and the street are parties").isGreaterThanOrEqualTo(2);
	}

	/**
	 * Totals from party rows read a window of them. Problems with two parties in a street fill the
	 * first window with repeats, so the count must read on and still be exact; past 1,000
	 * problems it says so.
	 */
	@Test
	void aStreetsTotalIsExactBelowTheCapAndSaysSoAboveIt() {
		String street = "/500000/500103/500103901/";
		List<Map<String, Object>> communities = jdbc.sql("select id, path from unit where parent_id ="
				+ " (select id from unit where path = :street) order by code fetch first 2 rows only")
			.param("street", street).query().listOfRows();
		String token = steps.token("jiefangbei.worker");
		insertProblems(600, street, (String) communities.get(0).get("path"));
		long exact = count(street, "");
		assertThat(exact).isBetween(600L, 1000L);
		assertThat(api.get(token, "/api/v1/problems?page=0").json().path("total").asLong()).isEqualTo(exact);

		insertProblems(500, (String) communities.get(1).get("path"), null);
		assertThat(count(street, "")).isGreaterThan(1000);
		JsonNode capped = api.get(token, "/api/v1/problems?page=0").json();
		assertThat(capped.path("total").asLong()).isEqualTo(ProblemViews.COUNT_LIMIT + 1L);
		assertThat(capped.path("items")).hasSize(20);
	}

	/** Problems in bulk, as the generator makes them: each has the given units as its parties. */
	private void insertProblems(int count, String first, @Nullable String second) {
		long unit = jdbc.sql("select id from unit where path = :path").param("path", first).query(Long.class).single();
		var now = Times.utc(Instant.now());
		String batch = Api.uniqueCode("bulk");
		for (int i = 0; i < count; i++) {
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("ledger_no", batch + "-" + i);
			row.put("title", "bulk " + i);
			row.put("description", "bulk");
			row.put("source", "SELF_FOUND");
			row.put("category_code", "OTHER");
			row.put("urgency", "GENERAL");
			row.put("problem_type", "IMMEDIATE");
			row.put("state", "ACCEPTED");
			row.put("district_code", "500103");
			row.put("raising_unit_id", unit);
			row.put("raising_unit_path", first);
			row.put("handling_unit_id", unit);
			row.put("handling_unit_path", first);
			row.put("response_due", Times.utc(Instant.now().plus(Duration.ofDays(1 + i % 30))));
			row.put("created_at", now);
			row.put("updated_at", now);
			long id = repository.insert(row);
			repository.addParty(id, first);
			repository.addParty(id, second);
		}
	}

	private void assertCopiesMatch(long id) {
		long differing = jdbc.sql("""
				select count(*) from problem_party pp join problem p on p.id = pp.problem_id
				where p.id = :id and (pp.state <> p.state or pp.category_code <> p.category_code or pp.overdue <> p.overdue
				    or pp.priority <> p.priority or pp.due <> coalesce(p.deadline, p.response_due))
				""").param("id", id).query(Long.class).single();
		assertThat(differing).as("party rows unlike problem %d", id).isZero();
	}

	private List<Long> expected(String prefix, String filter) {
		return jdbc.sql("select p.id from problem p where exists (select 1 from problem_party pp where pp.problem_id = p.id"
				+ " and pp.unit_path like :prefix)" + filter + ORDER + " limit 20")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.list();
	}

	private long count(String prefix, String filter) {
		return jdbc.sql("select count(*) from problem p where exists (select 1 from problem_party pp where pp.problem_id = p.id"
				+ " and pp.unit_path like :prefix)" + filter)
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
		return ids;
	}

}
