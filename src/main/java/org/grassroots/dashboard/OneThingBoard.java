package org.grassroots.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A unit subtree's one-thing figures (一件事一次办) for a month: the totals, the same per life
 * event, the returned applications by reason, and the totals of each administrative child for the
 * drill-down.
 *
 * @param returnedByReason returned applications per reason code, every reason listed, in the order of {@link OneThingDashboard#REASONS}
 */
public record OneThingBoard(String unitCode, String unitName, @Nullable String unitNameEn, YearMonth month,
		OneThingFigures figures, List<Event> events, Map<String, Long> returnedByReason, List<Child> children) {

	/**
	 * One life event's figures in the subtree.
	 *
	 * @param event the event's code in the catalogue
	 * @param nameZh its name in Chinese (a numbered generic label when the catalogue does not know the code)
	 * @param nameEn its name in English, likewise
	 */
	public record Event(String event, String nameZh, String nameEn, OneThingFigures figures) {

		/** The name in the page's language. */
		public String name(@Nullable String lang) {
			return "en".equals(lang) ? nameEn : nameZh;
		}

	}

	/**
	 * @param inScope whether the caller may open this unit's own figures (it lies in their scope)
	 */
	public record Child(String unitCode, String unitName, @Nullable String unitNameEn, boolean inScope,
			OneThingFigures figures) {

	}

}
