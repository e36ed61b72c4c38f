package org.grassroots.learning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What other modules count a member by (the dashboard's learning figures), as it stands now: where
 * the member is, each plan whose audience includes that unit with whether the member met it, and the
 * member's check-ins per month. As for coverage, a member counts where they are now, with every
 * activity wherever they did it.
 *
 * @param unitPath the member's unit now; {@code null} when the account is not an active member
 * @param plans the plans covering the member's unit, empty when not a member
 * @param checkIns activities (check-ins and attendances) per month of their day, empty when not a member
 */
public record MemberFact(long accountId, @Nullable String unitPath, List<Standing> plans, List<MonthCount> checkIns) {

	public MemberFact {
		plans = List.copyOf(plans);
		checkIns = List.copyOf(checkIns);
	}

	/** The member in one plan: its period and whether the member has met its requirement. */
	public record Standing(long planId, LocalDate periodStart, LocalDate periodEnd, boolean met) {

	}

	/** Activities on days of one month. */
	public record MonthCount(YearMonth month, int count) {

	}

}
