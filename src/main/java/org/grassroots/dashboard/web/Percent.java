package org.grassroots.dashboard.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A rate as the pages show it: a percentage to one place, rounded half up as a spreadsheet rounds
 * the same share in the Excel export, and a dash where there is nothing to measure.
 */
@Component("percent")
public class Percent {

	public String of(@Nullable Double rate) {
		return rate == null ? "—" : text(rate);
	}

	/** The percentage of a share, e.g. 0.8125 as "81.3%". */
	public static String text(double rate) {
		return BigDecimal.valueOf(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
