package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The permission table in docs/lifeevents-consent.md is the one the code enforces, walked cell by cell. */
class ConsentRulesTests {

	@Test
	void theDocumentedTableIsTheEnforcedTable() throws Exception {
		assertThat(documentedTable()).isEqualTo(ConsentRules.TABLE);
		assertThat(ConsentRules.TABLE.keySet()).containsExactlyInAnyOrder(ConsentAction.values());
	}

	@Test
	void everyActionInEveryStateForEveryPartyIsAllowedExactlyAsTheTableSays() throws Exception {
		Map<ConsentAction, ConsentRules.Permission> table = documentedTable();
		for (ConsentAction action : table.keySet()) {
			for (ConsentState state : ConsentState.values()) {
				for (ConsentRules.Party party : ConsentRules.Party.values()) {
					ConsentRules.Permission permission = table.get(action);
					String cell = action + " in " + state + " by " + party;
					if (permission.states().contains(state) && permission.parties().contains(party)) {
						ConsentRules.check(action, state, party);
						assertThat(ConsentRules.allows(action, state, party)).as(cell).isTrue();
					}
					else {
						HttpStatus expected = permission.parties().contains(party) ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
						assertThatThrownBy(() -> ConsentRules.check(action, state, party)).as(cell)
							.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(expected));
						assertThat(ConsentRules.allows(action, state, party)).as(cell).isFalse();
					}
				}
			}
		}
	}

	@Test
	void closedConsentsAllowNothing() {
		for (ConsentAction action : ConsentAction.values()) {
			for (ConsentRules.Party party : ConsentRules.Party.values()) {
				assertThat(ConsentRules.allows(action, ConsentState.CONFIRMED, party)).isFalse();
				assertThat(ConsentRules.allows(action, ConsentState.REFUSED, party)).isFalse();
			}
		}
	}

	/** Reads the table under "### Permission table": | `ACTION` | `STATE`, ... | `PARTY`, ... |. */
	private static Map<ConsentAction, ConsentRules.Permission> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/lifeevents-consent.md"));
		int start = lines.indexOf("### Permission table");
		assertThat(start).as("a '### Permission table' heading").isNotNegative();
		Map<ConsentAction, ConsentRules.Permission> table = new EnumMap<>(ConsentAction.class);
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("| action |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).filter(cell -> !cell.isEmpty())
				.toArray(String[]::new);
			table.put(ConsentAction.valueOf(code(cells[0])),
					new ConsentRules.Permission(codes(cells[1]).stream().map(ConsentState::valueOf).collect(Collectors.toSet()),
							codes(cells[2]).stream().map(ConsentRules.Party::valueOf).collect(Collectors.toSet())));
		}
		return table;
	}

	private static Set<String> codes(String cell) {
		return Arrays.stream(cell.split(",")).map(ConsentRulesTests::code).collect(Collectors.toSet());
	}

	private static String code(String text) {
		return text.trim().replace("`", "");
	}

}
