package org.grassroots.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The visit log counts no further than its limit, as the problem lists do: a city's log holds
 * millions of visits (docs/benchmarks.md, "The visit log at a million visits").
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitLogCapIntegrationTests {

	private static final String PATH = "/500000/cap-test/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@AfterAll
	void removeThem() {
		jdbc.update("delete from visit where unit_path = ?", PATH);
	}

	@Test
	void moreThanAThousandVisitsAreSaidSoAndTheFirstPageStillComes() throws Exception {
		// given more visits than the log counts, written behind the app's back in one batch
		int limit = VisitViews.COUNT_LIMIT;
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i <= limit; i++) {
			rows.add(new Object[] { Date.valueOf(LocalDate.of(2001, 1, 1)), now, now });
		}
		jdbc.batchUpdate("insert into visit (kind, visit_date, place, unit_id, unit_path, district_code, cadre_account_id,"
				+ " cadre_name, cadre_unit_id, cadre_unit_path, discussed, created_at, updated_at) values ('RESEARCH', ?,"
				+ " 'cap', 0, '" + PATH + "', '500000', 0, 'cap', 0, '" + PATH + "', 'cap', ?, ?)", rows);

		// when the city office reads the log
		PageClient city = new PageClient(port);
		city.signIn("city.admin", Api.DEMO_PASSWORD);
		String page = city.get("/visits").body();

		// then it says there are more than the limit, and lists the first page
		assertThat(page).contains("超过 " + limit + " 次下基层");
		assertThat(page.split("data-visit=").length - 1).isEqualTo(VisitViews.PAGE_SIZE);
	}

}
