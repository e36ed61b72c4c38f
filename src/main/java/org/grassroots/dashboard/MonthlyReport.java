package org.grassroots.dashboard;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A kept monthly report of a unit: which month, which edition (0 is the one the job makes on the
 * 1st, 1 and up were made on demand), when and by whom, and how long the PDF took to make.
 */
public record MonthlyReport(long id, String unitCode, YearMonth month, int edition, Instant madeAt, String madeBy,
		int sizeBytes, int millis) {

	public boolean scheduled() {
		return edition == 0;
	}

}
