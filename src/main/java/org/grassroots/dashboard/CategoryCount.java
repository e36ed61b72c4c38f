package org.grassroots.dashboard;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * Problems of one category received by a unit subtree in a month, beside the month before: the
 * high-frequency list that one topic a month (每月一题) is picked from.
 *
 * @param change received minus previous
 */
public record CategoryCount(String categoryCode, String nameZh, String nameEn, YearMonth month, long received,
		long previous, long change, @Nullable Double changeRate) {

}
