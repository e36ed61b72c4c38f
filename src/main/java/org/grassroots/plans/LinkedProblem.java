package org.grassroots.plans;

import java.time.Instant;

import org.grassroots.problems.ProblemState;

/**
 * A problem linked to a measure, as the plans module keeps it from problems' events: ledger
 * number, title and current state, and whether its closing advanced the measure already.
 */
public record LinkedProblem(long measureId, long problemId, String ledgerNo, String title, ProblemState state,
		boolean counted, Instant linkedAt) {

}
