package org.grassroots.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.shared.Role;
import org.grassroots.visits.VisitRules.VisitAction;
import org.junit.jupiter.api.Test;

/** The permission table in docs/visits.md is the one the code enforces. */
class VisitRulesTests {

	@Test
	void theDocumentedTableIsTheEnforcedTable() throws Exception {
		assertThat(documentedTable()).isEqualTo(VisitRules.TABLE);
	}

	@Test
	void everyRoleIsAllowedExactlyWhatTheTableSays() throws Exception {
		Map<VisitAction, Set<Role>> table = documentedTable();
		for (VisitAction action : VisitAction.values()) {
			for (Role role : Role.values()) {
				var user = new org.grassroots.shared.CurrentUser(1, "u", "u", 1, "/500000/", Set.of(role),
						org.grassroots.shared.DataScope.CITY, org.grassroots.shared.DataScope.NONE, null, true, null, false);
				assertThat(VisitRules.allows(action, user)).as(action + " by " + role).isEqualTo(table.get(action).contains(role));
			}
		}
	}

	/** Reads the table under "## Permission table": | `ACTION` | `ROLE`, ... (a note) |. */
	static Map<VisitAction, Set<Role>> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/visits.md"));
		int start = lines.indexOf("## Permission table");
		assertThat(start).isNotNegative();
		Map<VisitAction, Set<Role>> table = new EnumMap<>(VisitAction.class);
		Pattern row = Pattern.compile("^\\| `([A-Z_]+)` \\| (.+) \\|$");
		Pattern code = Pattern.compile("`([A-Z_]+)`");
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher matcher = row.matcher(line);
			if (matcher.matches()) {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				Matcher each = code.matcher(matcher.group(2));
				while (each.find()) {
					roles.add(Role.valueOf(each.group(1)));
				}
				table.put(VisitAction.valueOf(matcher.group(1)), roles);
			}
		}
		assertThat(table.keySet()).containsExactlyInAnyOrder(VisitAction.values());
		return table;
	}

}
