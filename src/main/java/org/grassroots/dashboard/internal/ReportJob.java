package org.grassroots.dashboard.internal;

import java.time.Clock;
import java.time.YearMonth;

import org.grassroots.dashboard.MonthlyReports;
import org.grassroots.shared.Times;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes last month's reports on the 1st of each month at 01:30 in Asia/Shanghai. Every node
 * schedules it; ShedLock's lock on {@link MonthlyReports#makeAll} lets one run it.
 */
@Component
class ReportJob {

	private final MonthlyReports reports;

	private final Clock clock;

	ReportJob(MonthlyReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(cron = "${grassroots.dashboard.reports-cron:0 30 1 1 * *}", zone = "Asia/Shanghai")
	void monthly() {
		reports.makeAll(YearMonth.now(clock.withZone(Times.ZONE)).minusMonths(1));
	}

}
