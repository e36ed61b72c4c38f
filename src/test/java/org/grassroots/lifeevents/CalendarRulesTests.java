package org.grassroots.lifeevents;

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

import org.grassroots.lifeevents.CalendarRules.CalendarAction;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.junit.jupiter.api.Test;

/** The permission table in docs/lifeevents-calendar.md is the one the code enforces. */
class CalendarRulesTests {

	@Test
	void theDocumentedTableIsTheEnforcedTable() throws Exception {
		assertThat(documentedTable()).isEqualTo(CalendarRules.TABLE);
	}

	@Test
	void everyRoleIsAllowedExactlyWhatTheTableSays() throws Exception {
		Map<CalendarAction, Set<Role>> table = documentedTable();
		for (CalendarAction action : CalendarAction.values()) {
			for (Role role : Role.values()) {
				var user = new CurrentUser(1, "u", "u", 1, "/500000/", Set.of(role), DataScope.CITY, DataScope.NONE, null,
						true, null, false);
				assertThat(CalendarRules.allows(action, user)).as(action + " by " + role)
					.isEqualTo(table.get(action).contains(role));
			}
		}
	}

	/** Reads the table under "## Permission table": | `ACTION` | `ROLE`, ... |. */
	static Map<CalendarAction, Set<Role>> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/lifeevents-calendar.md"));
		int start = lines.indexOf("## Permission table");
		assertThat(start).isNotNegative();
		Map<CalendarAction, Set<Role>> table = new EnumMap<>(CalendarAction.class);
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
				table.put(CalendarAction.valueOf(matcher.group(1)), roles);
			}
		}
		assertThat(table.keySet()).containsExactlyInAnyOrder(CalendarAction.values());
		return table;
	}

}
