package org.grassroots.dashboard;

import java.time.YearMonth;

/** Problems of one category received by a unit subtree in one month. */
public record CategoryMonth(YearMonth month, long received) {

}
