package org.grassroots.plans;

import java.util.List;

/**
 * A measure with everything its page shows.
 *
 * @param workable whether the reader may report progress, mark milestones and link problems
 * @param writable whether the reader writes the plan, and so may change the measure's definition
 */
public record MeasureDetail(WorkMeasure measure, ResearchPlan plan, List<MeasureMilestone> milestones,
		List<ProgressReport> reports, List<LinkedProblem> problems, boolean workable, boolean writable) {

	public MeasureDetail {
		milestones = List.copyOf(milestones);
		reports = List.copyOf(reports);
		problems = List.copyOf(problems);
	}

	@com.fasterxml.jackson.annotation.JsonProperty("problemsClosed")
	public int problemsClosed() {
		return (int) problems.stream().filter(problem -> problem.state() == org.grassroots.problems.ProblemState.CLOSED).count();
	}

}
