package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every consent message the code names, and every label built from a consent enum, exists in both languages. */
class ConsentMessagesTests {

	@Test
	void everyKeyTheConsentCodeNamesExists() throws IOException {
		Set<String> used = new TreeSet<>();
		Pattern literal = Pattern.compile("\"(le\\.consent\\.[a-zA-Z0-9._-]*[a-zA-Z0-9])\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/grassroots/lifeevents"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).contains("le.consent.error.already-voted");
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			assertThat(load(bundle).stringPropertyNames()).as(bundle).containsAll(used);
		}
	}

	@Test
	void everyStateVoteActionAndConditionHasALabel() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Set<String> keys = load(bundle).stringPropertyNames();
			for (ConsentState state : ConsentState.values()) {
				assertThat(keys).contains("le.consent.state." + state, "le.consent.notice.state." + state);
			}
			for (Vote vote : Vote.values()) {
				assertThat(keys).contains("le.consent.vote." + vote, "le.consent.ballot." + vote);
			}
			for (ConsentAction action : ConsentAction.values()) {
				assertThat(keys).contains("le.consent.action." + action);
			}
			for (Article278.Condition condition : Article278.Condition.values()) {
				assertThat(keys).contains("le.consent.condition." + condition);
			}
			for (CastBy cast : CastBy.values()) {
				assertThat(keys).contains("le.consent.cast." + cast, "le.consent.cast-kind." + cast);
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(ConsentMessagesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
