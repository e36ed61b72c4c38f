package org.grassroots.dashboard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.CampaignMeasure;
import org.grassroots.dashboard.CategoryCount;
import org.grassroots.dashboard.Figures;
import org.grassroots.dashboard.LearningFigures;
import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.TopicFigures;
import org.grassroots.dashboard.TrendPoint;
import org.jspecify.annotations.Nullable;

/**
 * What a monthly report shows, read through the dashboard's own facade and the problems module's
 * scoped search before the PDF is drawn, so the PDF holds exactly the API's numbers.
 *
 * @param rank the unit's place among its parent's administrative children, null for the city or a department
 * @param overdue open overdue problems, at most {@link #OVERDUE_LISTED}, in the work queue's order
 * @param learning the unit's learning figures for the month
 * @param topic the month's topic (每月一题) with its counts for the unit, null when none was picked
 * @param campaign the unit's campaign figures for the month (visits, work measures, cases, mechanisms)
 * @param oneThing the unit's one-thing figures for the month (一件事一次办), totals, per event and by reason
 */
public record ReportContent(Figures figures, String unitNameZh, @Nullable String unitNameEn,
		@Nullable String parentNameZh, @Nullable String parentNameEn, @Nullable Rank rank, List<CategoryCount> categories,
		List<OverdueProblem> overdue, List<TrendPoint> trend, LearningFigures learning, @Nullable TopicFigures topic,
		Map<CampaignMeasure, Long> campaign, OneThingBoard oneThing, Instant madeAt) {

	public static final int OVERDUE_LISTED = 20;

	public static final int CATEGORIES_LISTED = 5;

	/** A place in the parent's ranking. */
	public record Rank(int rank, int of, @Nullable Integer previousRank, @Nullable Double score) {

	}

	public record OverdueProblem(String ledgerNo, String title, String handlingUnitZh, @Nullable LocalDate deadline) {

	}

}
