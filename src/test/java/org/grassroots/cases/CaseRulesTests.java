package org.grassroots.cases;

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

/** The permission table in docs/cases.md is the one the code enforces, walked cell by cell. */
class CaseRulesTests {

	@Test
	void theDocumentedTableIsTheEnforcedTable() throws Exception {
		assertThat(documentedTable()).isEqualTo(CaseRules.TABLE);
	}

	@Test
	void everyActionInEveryStateForEveryPartyIsAllowedExactlyAsTheTableSays() throws Exception {
		Map<CaseAction, CaseRules.Permission> table = documentedTable();
		for (CaseAction action : table.keySet()) {
			for (CaseState state : CaseState.values()) {
				for (CaseRules.Party party : CaseRules.Party.values()) {
					boolean documented = table.get(action).states().contains(state)
							&& table.get(action).parties().contains(party);
					String cell = action + " in " + state + " by " + party;
					if (documented) {
						CaseRules.check(action, state, Set.of(party));
						assertThat(CaseRules.allows(action, state, Set.of(party))).as(cell).isTrue();
					}
					else {
						HttpStatus expected = table.get(action).parties().contains(party) ? HttpStatus.CONFLICT
								: HttpStatus.FORBIDDEN;
						assertThatThrownBy(() -> CaseRules.check(action, state, Set.of(party))).as(cell)
							.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(expected));
						assertThat(CaseRules.allows(action, state, Set.of(party))).as(cell).isFalse();
					}
				}
			}
		}
	}

	@Test
	void noPartyAtAllIsRefusedEverything() {
		for (CaseAction action : CaseAction.values()) {
			for (CaseState state : CaseState.values()) {
				assertThat(CaseRules.allows(action, state, Set.of())).isFalse();
			}
		}
	}

	@Test
	void onlyTheCityIsTheTopUnit() {
		assertThat(CaseRules.topUnit("/500000/")).isTrue();
		assertThat(CaseRules.topUnit("/500000/500103/")).isFalse();
	}

	/** Reads the table under "### Permission table": | `ACTION` | `STATE`, ... | `PARTY`, ... |. */
	private static Map<CaseAction, CaseRules.Permission> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/cases.md"));
		int start = lines.indexOf("### Permission table");
		assertThat(start).as("a '### Permission table' heading in docs/cases.md").isNotNegative();
		Map<CaseAction, CaseRules.Permission> table = new EnumMap<>(CaseAction.class);
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("| action |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---") || line.startsWith("| ---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.split("\\|");
			CaseAction action = CaseAction.valueOf(names(cells[1]).get(0));
			Set<CaseState> states = names(cells[2]).stream().map(CaseState::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseState.class)));
			Set<CaseRules.Party> parties = names(cells[3]).stream().map(CaseRules.Party::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseRules.Party.class)));
			table.put(action, new CaseRules.Permission(Set.copyOf(states), Set.copyOf(parties)));
		}
		return table;
	}

	private static List<String> names(String cell) {
		return Arrays.stream(cell.replace("`", "").split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
	}

}
