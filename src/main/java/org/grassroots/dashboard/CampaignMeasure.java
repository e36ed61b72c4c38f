package org.grassroots.dashboard;

import java.util.Arrays;
import java.util.List;

/**
 * What the dashboard counts of the campaign's visits, work measures, typical cases and mechanisms,
 * by the codes their modules publish in {@link org.grassroots.shared.CampaignFigures}; defined in
 * docs/dashboard.md. A measure about now is not tied to a month.
 */
public enum CampaignMeasure {

	VISITS(Group.VISITS, false), VISITS_PUBLICITY(Group.VISITS, false), VISITS_RESEARCH(Group.VISITS, false),
	VISITS_PETITION_RECEPTION(Group.VISITS, false), VISITS_ON_SITE_OFFICE(Group.VISITS, false),
	VISIT_PROBLEMS(Group.VISITS, false), VISIT_SOLVED_ON_SPOT(Group.VISITS, false),
	VISIT_SOLVED_LATER(Group.VISITS, false),

	MEASURES_DUE(Group.MEASURES, false), MEASURES_DONE(Group.MEASURES, false),
	MEASURES_DONE_ON_TIME(Group.MEASURES, false), MEASURES_OPEN(Group.MEASURES, true),
	MEASURES_OVERDUE(Group.MEASURES, true),

	CASES_PUBLISHED(Group.RESULTS, false), MECHANISMS(Group.RESULTS, false);

	/** The panels of the dashboard the measures are shown in. */
	public enum Group {

		VISITS, MEASURES, RESULTS

	}

	private final Group group;

	private final boolean now;

	CampaignMeasure(Group group, boolean now) {
		this.group = group;
		this.now = now;
	}

	public Group group() {
		return group;
	}

	/** Whether the figure is about now (month key 0) rather than the month shown. */
	public boolean now() {
		return now;
	}

	public static List<CampaignMeasure> of(Group group) {
		return Arrays.stream(values()).filter(measure -> measure.group == group).toList();
	}

}
