package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
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
