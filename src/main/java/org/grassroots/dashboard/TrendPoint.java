package org.grassroots.dashboard;

import java.time.YearMonth;

/** One month of a unit's trend: problems received in it and problems closed in it. */
public record TrendPoint(YearMonth month, long received, long closed) {

}
