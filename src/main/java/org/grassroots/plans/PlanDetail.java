package org.grassroots.plans;

import java.util.List;

/**
 * A plan with the measures the reader may see.
 *
 * @param writable whether the reader may edit the plan and add measures
 */
public record PlanDetail(ResearchPlan plan, List<MeasureLine> measures, boolean writable) {

	public PlanDetail {
		measures = List.copyOf(measures);
	}

}
