package org.grassroots.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A topic's figures for one unit subtree: problems of the topic's category received in the month
 * before the topic, in the topic month and in each month after it up to the shown month, so a
 * reader sees whether that class of problems fell.
 *
 * @param before received in the month before the topic month
 * @param months received in the topic month, then each following month (first = topic month)
 * @param change the latest month's count minus the month before it (for the shown month's topic:
 * this month minus last month); null when only the topic month is there and no month before
 */
public record TopicFigures(Topic topic, String unitCode, String unitName, long before, List<CategoryMonth> months,
		long change, @Nullable Double changeRate) {

	/** Received in the topic month. */
	public long inTopicMonth() {
		return months.get(0).received();
	}

	/** Received in the latest month shown. */
	public long latest() {
		return months.get(months.size() - 1).received();
	}

	/** The count the latest month is compared with: the month before it. */
	public long previous() {
		return months.size() > 1 ? months.get(months.size() - 2).received() : before;
	}

	/** Whether the category fell from the topic month to the latest month. */
	public boolean fell() {
		return months.size() > 1 && latest() < inTopicMonth();
	}

}
