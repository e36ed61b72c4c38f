package org.grassroots.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.grassroots.problems.ProblemState;
import org.junit.jupiter.api.Test;

/** The status table in docs/open311.md is the mapping the updates feed uses, row by row. */
class UpdateStatusTests {

	/** One row: a state (perhaps only as a duplicate, or only otherwise), its update status and request status. */
	record Row(ProblemState state, Boolean duplicate, UpdateStatus status, String requestStatus) {

	}

	@Test
	void everyRowOfTheDocumentedTableIsWhatTheFeedSends() throws Exception {
		List<Row> rows = documentedTable();
		Set<ProblemState> covered = EnumSet.noneOf(ProblemState.class);
		for (Row row : rows) {
			covered.add(row.state());
			for (boolean duplicate : row.duplicate() == null ? List.of(false, true) : List.of(row.duplicate())) {
				if (duplicate && row.state() != ProblemState.DECLINED) {
					continue;
				}
				assertThat(UpdateStatus.of(row.state(), duplicate)).as(row.toString()).isEqualTo(row.status());
			}
			assertThat(row.state().isOpen() ? "open" : "closed").as(row.toString()).isEqualTo(row.requestStatus());
		}
		assertThat(covered).as("every state has a row").containsExactlyInAnyOrder(ProblemState.values());
		assertThat(rows.stream().filter(row -> row.state() == ProblemState.DECLINED).map(Row::duplicate))
			.containsExactlyInAnyOrder(true, false);
	}

	@Test
	void noStepIsSentAsPlainClosedWhichFixMyStreetShowsAsFixed() {
		for (ProblemState state : ProblemState.values()) {
			for (boolean duplicate : List.of(false, true)) {
				assertThat(UpdateStatus.of(state, duplicate).name()).isNotEqualTo("CLOSED");
			}
		}
		assertThat(UpdateStatus.of(ProblemState.DECLINED, false)).isNotEqualTo(UpdateStatus.FIXED);
	}

	/** Reads the table under "## Statuses": | `STATE`[, a linked duplicate | otherwise] | steps | `STATUS` | `status` |. */
	private static List<Row> documentedTable() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/open311.md"));
		int start = lines.indexOf("## Statuses");
		assertThat(start).as("a '## Statuses' heading in docs/open311.md").isNotNegative();
		List<Row> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("| Problem state |")) {
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
			String stateCell = cells[1];
			ProblemState state = ProblemState.valueOf(code(stateCell));
			Boolean duplicate = stateCell.contains("duplicate") ? Boolean.TRUE
					: stateCell.contains("otherwise") ? Boolean.FALSE : null;
			rows.add(new Row(state, duplicate, UpdateStatus.valueOf(code(cells[3])), code(cells[4])));
		}
		assertThat(rows).as("rows of the status table").isNotEmpty();
		return rows;
	}

	/** The first `code` in a cell. */
	private static String code(String cell) {
		int open = cell.indexOf('`');
		return cell.substring(open + 1, cell.indexOf('`', open + 1));
	}

}
