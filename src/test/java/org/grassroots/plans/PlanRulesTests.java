package org.grassroots.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.grassroots.plans.internal.PlanAccess;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Reads the permission table of docs/plans.md ("Who may do what") and checks every cell against
 * the rules the code applies, so the page people read and the code cannot drift apart.
 */
class PlanRulesTests {

	static final String CITY = "/500000/";

	static final String DISTRICT = "/500000/500108/";

	static final String STREET = "/500000/500108/500108002/";

	static final String OTHER = "/500000/500103/";

	static final ResearchPlan PLAN = new ResearchPlan(1, "plan", null, List.of("ELEVATOR"), 2, DISTRICT, List.of(2L),
			LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "nanan.admin", Instant.EPOCH, Instant.EPOCH, 0);

	static final WorkMeasure MEASURE = new WorkMeasure(1, 1, "measure", "ELEVATOR", 3, STREET, DISTRICT, "王主任",
			LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 20, "部", 0, false, MeasureStatus.PLANNED, null, null,
			Instant.EPOCH, Instant.EPOCH, 0);

	@Test
	void thePermissionTableOfTheDocsIsWhatTheCodeDoes() throws IOException {
		List<String[]> rows = table();
		List<CurrentUser> people = List.of(person(CITY, Role.CITY_ADMIN, true), person(DISTRICT, Role.UNIT_ADMIN, false),
				person(STREET, Role.UNIT_ADMIN, false), person(STREET, Role.CASEWORKER, false),
				person(DISTRICT, Role.LEADING_CADRE, false), person(OTHER, Role.UNIT_ADMIN, false));
		List<Predicate<CurrentUser>> rules = List.of(user -> PlanAccess.writes(PLAN.ownerUnitPath(), user),
				user -> PlanAccess.works(MEASURE, PLAN, user),
				user -> user.scope().covers(PLAN.ownerUnitPath()) || user.scope().covers(MEASURE.ownerUnitPath()),
				CurrentUser::isStaff);
		assertThat(rows).hasSize(rules.size());
		for (int r = 0; r < rows.size(); r++) {
			assertThat(rows.get(r)).as("columns of " + rows.get(r)[0]).hasSize(people.size() + 1);
			for (int c = 0; c < people.size(); c++) {
				boolean documented = rows.get(r)[c + 1].equals("yes");
				assertThat(rules.get(r).test(people.get(c))).as(rows.get(r)[0] + " / column " + (c + 1)).isEqualTo(documented);
			}
		}
	}

	private static CurrentUser person(String path, Role role, boolean all) {
		DataScope scope = all ? DataScope.CITY : new DataScope(false, Set.of(path), Set.of());
		return new CurrentUser(0, role.name(), role.name(), 1, path, Set.of(role), scope,
				role == Role.UNIT_ADMIN || role == Role.CITY_ADMIN ? scope : DataScope.NONE, null, true, null, false);
	}

	/** The rows of the table under "Who may do what": the action, then one cell per person. */
	private static List<String[]> table() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/plans.md"));
		int start = lines.indexOf("## Who may do what");
		List<String[]> rows = new ArrayList<>();
		boolean header = true;
		for (String line : lines.subList(start, lines.size())) {
			if (!line.startsWith("|")) {
				if (!rows.isEmpty() || !header) {
					if (!rows.isEmpty()) {
						break;
					}
				}
				continue;
			}
			String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
				.toArray(String[]::new);
			if (header || cells[0].startsWith("---")) {
				header = false;
				continue;
			}
			rows.add(cells);
		}
		return rows;
	}

}
