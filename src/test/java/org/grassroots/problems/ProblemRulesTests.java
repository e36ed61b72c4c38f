package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The permission table in docs/problems.md is the one the code enforces, walked cell by cell. */
class ProblemRulesTests {

	@Test
	void theDocumentedTableIsTheEnforcedTable() throws Exception {
		assertThat(documentedTable()).isEqualTo(ProblemRules.TABLE);
	}

	@Test
	void everyActionInEveryStateForEveryPartyIsAllowedExactlyAsTheTableSays() throws Exception {
		Map<ProblemAction, ProblemRules.Permission> table = documentedTable();
		for (ProblemAction action : table.keySet()) {
			for (ProblemState state : ProblemState.values()) {
				for (Party party : Party.values()) {
					boolean documented = table.get(action).states().contains(state)
							&& table.get(action).parties().contains(party);
					String cell = action + " in " + state + " by " + party;
					if (documented) {
						ProblemRules.check(action, state, Set.of(party));
						assertThat(ProblemRules.allows(action, state, Set.of(party))).as(cell).isTrue();
					}
					else {
						HttpStatus expected = table.get(action).parties().contains(party) ? HttpStatus.CONFLICT
								: HttpStatus.FORBIDDEN;
						assertThatThrownBy(() -> ProblemRules.check(action, state, Set.of(party))).as(cell)
							.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(expected));
						assertThat(ProblemRules.allows(action, state, Set.of(party))).as(cell).isFalse();
					}
				}
			}
		}
	}

	@Test
	void noPartyAtAllIsRefusedEverything() {
		for (ProblemAction action : ProblemAction.values()) {
			assertThat(ProblemRules.allows(action, ProblemState.SUBMITTED, Set.of())).isFalse();
		}
	}

	/** Reads the table under "## Permission table": | `ACTION` | `STATE`, ... | `PARTY`, ... |. */
	private static Map<ProblemAction, ProblemRules.Permission> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/problems.md"));
		int start = lines.indexOf("## Permission table");
		assertThat(start).as("a '## Permission table' heading in docs/problems.md").isNotNegative();
		Map<ProblemAction, ProblemRules.Permission> table = new EnumMap<>(ProblemAction.class);
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("| action |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("| ---") || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.split("\\|");
			ProblemAction action = ProblemAction.valueOf(names(cells[1]).get(0));
			Set<ProblemState> states = names(cells[2]).stream().map(ProblemState::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemState.class)));
			Set<Party> parties = names(cells[3]).stream().map(Party::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(Party.class)));
			table.put(action, new ProblemRules.Permission(Set.copyOf(states), Set.copyOf(parties)));
		}
		return table;
	}

	private static List<String> names(String cell) {
		return Arrays.stream(cell.replace("`", "").split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
	}

}
