package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Reads the table "Task actions" of docs/lifeevents.md and checks every row against {@link TaskRules}. */
class TaskRulesTests {

	@Test
	void theTaskActionsOfTheDocsAreWhatTheCodeDoes() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/lifeevents.md"));
		List<String[]> rows = lines.subList(lines.indexOf("## Task actions"), lines.size())
			.stream()
			.dropWhile(line -> !line.startsWith("|"))
			.takeWhile(line -> line.startsWith("|"))
			.skip(2)
			.map(line -> Arrays.stream(line.split("\\|")).map(String::strip).filter(cell -> !cell.isEmpty()).toArray(String[]::new))
			.toList();

		assertThat(rows).extracting(row -> row[0])
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(TaskRules.Step.values()).map(Enum::name).toList());
		for (String[] row : rows) {
			TaskRules.Step step = TaskRules.Step.valueOf(row[0]);
			Set<TaskState> from = Arrays.stream(row[1].split(",")).map(String::strip).map(TaskState::valueOf)
				.collect(Collectors.toSet());
			assertThat(TaskRules.from(step)).as(row[0] + " from").isEqualTo(from);
			assertThat(TaskRules.to(step)).as(row[0] + " becomes").isEqualTo(TaskState.valueOf(row[2]));
		}
	}

}
