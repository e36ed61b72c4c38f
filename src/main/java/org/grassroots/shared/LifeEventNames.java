package org.grassroots.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The names of the life events of "one thing done at one time" (一件事一次办) by their codes, for
 * modules that show figures per event without depending on the catalogue (the dashboard). The
 * life events module implements it from its catalogue; events are data, so a new code needs no
 * code change where names are shown.
 */
public interface LifeEventNames {

	/** The event's name in the locale (Chinese unless English is asked for), empty for an unknown code. */
	Optional<String> name(String eventCode, Locale locale);

}
