package org.grassroots.dashboard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.grassroots.shared.LifeEventNames;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The tests' own catalogue names for the one-thing figures, standing in for the life events
 * module: it knows two test events (the real catalogue, when present, answers first) and not a
 * third, so the page's label for an event without a name is tested too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TestLifeEventNames implements LifeEventNames {

	static final String NEWBORN = "T_NEWBORN", SCHOOL = "T_SCHOOL", UNNAMED = "T_NEWCODE";

	private static final Map<String, String[]> NAMES = Map.of(NEWBORN, new String[] { "测试新生儿出生", "Test newborn" },
			SCHOOL, new String[] { "测试入学", "Test school enrolment" });

	@Override
	public Optional<String> name(String eventCode, Locale locale) {
		String[] names = NAMES.get(eventCode);
		return names == null ? Optional.empty() : Optional.of("en".equals(locale.getLanguage()) ? names[1] : names[0]);
	}

}
