package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages carry the same keys, and every key a template or the code names exists. */
class MessagesTests {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		collect(Path.of("src/main/resources/templates"), Pattern.compile("#\\{([a-z0-9.-]+)[}(]"), used);
		collect(Path.of("src/main/java"), Pattern.compile("\"((?:error|units|people|login|home|problems|open311|learning|learn|plans|visits)\\.[a-zA-Z0-9._-]*[a-zA-Z0-9])\""), used);
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	/** Keys built from enum names in templates and code: every value of each enum has its label. */
	@Test
	void everyEnumValueShownOnPagesHasALabel() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Map<String, Enum<?>[]> labelled = Map.of("state.", org.grassroots.problems.ProblemState.values(), "source.",
				org.grassroots.problems.ProblemSource.values(), "urgency.", org.grassroots.problems.Urgency.values(),
				"problem-type.", org.grassroots.problems.ProblemType.values(), "rating.",
				org.grassroots.problems.Rating.values(), "action.", org.grassroots.problems.ProblemAction.values(),
				"resident.state.", org.grassroots.problems.ProblemState.values(), "track.step.",
				org.grassroots.problems.ProblemAction.values());
		labelled = new java.util.HashMap<>(labelled);
		labelled.put("plans.status.", org.grassroots.plans.MeasureStatus.values());
		labelled.put("plans.timeliness.", org.grassroots.plans.Timeliness.values());
		labelled.put("plans.phase.", org.grassroots.plans.ResearchPlan.PlanPhase.values());
		labelled.put("plans.progress.kind.", org.grassroots.plans.ProgressReport.Kind.values());
		labelled.forEach((prefix, values) -> {
			for (Enum<?> value : values) {
				assertThat(keys).contains(prefix + value.name());
			}
		});
		for (String kind : List.of("REPORTED", "ASSIGNED", "DELEGATED", "ESCALATED", "SUBMITTED", "RETURNED", "SUPERVISED",
				"SUMMONED", "REVIEW", "REOPENED", "OVERDUE", "DEADLINE_SOON")) {
			assertThat(keys).contains("notice." + kind);
		}
		for (String done : List.of("ACCEPT", "DECLINE", "ASSIGN", "DELEGATE", "SPLIT", "ESCALATE", "START", "NOTE",
				"COMPLETE_MILESTONE", "SUBMIT", "RECOGNIZE", "RETURN", "SUPERVISE", "SUMMON", "REPORT_IN", "ACT_ON_SUMMONS",
				"REOPEN", "REVIEW", "ATTACH")) {
			assertThat(keys).contains("problems.done." + done);
		}
	}

	private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					into.add(matcher.group(1));
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
