package org.grassroots.problems.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.Rating;
import org.grassroots.problems.TimelineEntry;
import org.grassroots.units.Batch;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every timeline entry reads as a sentence in both languages, with no enum name left in it. */
class TimelineTextTests {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

	private static final Unit NANAN = new Unit(2, "500108", "南岸区", "Nan'an District", UnitLevel.DISTRICT, Batch.FIRST,
			UnitKind.ADMINISTRATIVE, 1L, "/500000/500108/", 1, false, 0, 0);

	private final TimelineText timeline = new TimelineText(bundles(), null);

	@Test
	void everyActionStateAndRatingHasItsWordsInBothLanguages() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = load(bundle);
			List<String> missing = new ArrayList<>();
			for (ProblemAction action : ProblemAction.values()) {
				for (String key : List.of("action." + action.name(), "timeline.action." + action.name())) {
					if (!messages.containsKey(key)) {
						missing.add(key);
					}
				}
			}
			for (ProblemState state : ProblemState.values()) {
				if (!messages.containsKey("state." + state.name())) {
					missing.add("state." + state.name());
				}
			}
			for (Rating rating : Rating.values()) {
				if (!messages.containsKey("rating." + rating.name())) {
					missing.add("rating." + rating.name());
				}
			}
			assertThat(missing).as("keys missing from " + bundle).isEmpty();
		}
	}

	@Test
	void everyEntryIsASentenceWithoutCodesInChineseAndEnglish() {
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			for (TimelineEntry entry : entries()) {
				String sentence = timeline.sentence(entry, Map.of(NANAN.id(), NANAN), locale);
				assertThat(sentence).as(entry + " in " + locale).doesNotContainPattern(CODE)
					.doesNotContain("timeline.").doesNotStartWith("system").doesNotStartWith("resident");
			}
		}
	}

	@Test
	void theActorIsNamedWithTheUnitInTheReadersLanguage() {
		TimelineEntry accepted = entry(ProblemAction.ACCEPT, ProblemState.REPORTED, ProblemState.ACCEPTED, "王主任",
				NANAN.id(), null);
		assertThat(timeline.sentence(accepted, Map.of(NANAN.id(), NANAN), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("王主任（南岸区）受理了问题（问题转为“受理”）");
		assertThat(timeline.sentence(accepted, Map.of(NANAN.id(), NANAN), Locale.ENGLISH))
			.isEqualTo("王主任 (Nan'an District) accepted the problem (now Accepted)");

		TimelineEntry supervised = entry(ProblemAction.SUPERVISE, ProblemState.RECTIFYING, ProblemState.RECTIFYING,
				TimelineEntry.SYSTEM, NANAN.id(), "RETURNED_TWICE");
		assertThat(timeline.sentence(supervised, Map.of(NANAN.id(), NANAN), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("系统（南岸区）督办了问题：整改两次被退回，自动督办");

		TimelineEntry rated = entry(ProblemAction.EVALUATE, ProblemState.CLOSED, ProblemState.CLOSED, TimelineEntry.RESIDENT,
				null, "SATISFIED");
		assertThat(timeline.sentence(rated, Map.of(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("居民评价了办理结果：满意");
		assertThat(timeline.sentence(rated, Map.of(), Locale.ENGLISH)).isEqualTo("A resident rated the result: Satisfied");

		// an entry written before units were kept by id names the unit as it was written
		TimelineEntry old = new TimelineEntry(1, ProblemAction.FLAG_OVERDUE, ProblemState.ASSIGNED, ProblemState.ASSIGNED,
				TimelineEntry.SYSTEM, null, null, null, false, Instant.now());
		assertThat(timeline.sentence(old, Map.of(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("系统将问题标记为超期");
	}

	/** Every action by a person, the system and a resident, with and without a note, and the notes the code writes as codes. */
	private static List<TimelineEntry> entries() {
		List<TimelineEntry> entries = new ArrayList<>();
		for (ProblemAction action : ProblemAction.values()) {
			List<String> notes = new ArrayList<>(java.util.Arrays.asList(null, "路灯已修好"));
			switch (action) {
				case EVALUATE -> java.util.Arrays.stream(Rating.values()).forEach(rating -> notes.add(rating.name()));
				case SUPERVISE -> notes.add("RETURNED_TWICE");
				case PUBLISH -> notes.addAll(List.of("PUBLIC", "INTERNAL", "PUBLIC lamp.png", "INTERNAL lamp.png"));
				default -> {
				}
			}
			for (String actor : List.of("张三", TimelineEntry.SYSTEM, TimelineEntry.RESIDENT)) {
				for (String note : notes) {
					entries.add(entry(action, ProblemState.ASSIGNED, ProblemState.RECTIFYING, actor, NANAN.id(), note));
					entries.add(entry(action, null, ProblemState.ASSIGNED, actor, null, note));
				}
			}
		}
		return entries;
	}

	private static TimelineEntry entry(ProblemAction action, ProblemState from, ProblemState to, String actor, Long unitId,
			String note) {
		return new TimelineEntry(1, action, from, to, actor, unitId == null ? null : "南岸区", unitId, note, false,
				Instant.now());
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(TimelineTextTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
