package org.grassroots.plans.internal;

import org.grassroots.plans.ProgressReport;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemFact;
import org.grassroots.problems.ProblemFacts;
import org.grassroots.problems.ProblemState;
import org.grassroots.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows linked problems: keeps each link's copy of the title and state current, and when a
 * problem closes, advances by 1 every measure linked to it that counts closings. A problem counts
 * once per measure: a repeated event, or a reopen and a second closing, finds it counted already;
 * a reopen does not take the progress back (docs/plans.md, "Linked problems").
 */
@Component
class ProblemClosings {

	private static final int ATTEMPTS = 3;

	private final MeasureRepository measures;

	private final MeasureChanges changes;

	private final ProblemFacts facts;

	ProblemClosings(MeasureRepository measures, MeasureChanges changes, ProblemFacts facts) {
		this.facts = facts;
		this.measures = measures;
		this.changes = changes;
	}

	@ApplicationModuleListener
	void on(ProblemChanged changed) {
		long problemId = changed.after().id();
		// one problem's events are delivered concurrently and in any order: with its links locked,
		// the state as committed now is right whichever delivery comes last
		measures.lockLinks(problemId);
		ProblemState state = facts.find(problemId).map(ProblemFact::state).orElse(changed.after().state());
		measures.problemChanged(problemId, changed.after().title(), state);
		if (!changed.closed()) {
			return;
		}
		for (long measureId : measures.toAdvance(problemId)) {
			if (measures.count(measureId, problemId)) {
				advance(measureId, changed.after().ledgerNo(), changed.actorName());
			}
		}
	}

	/** One more done; a person's change at the same moment makes it read the measure again. */
	private void advance(long measureId, String ledgerNo, @Nullable String actorName) {
		for (int attempt = 1;; attempt++) {
			WorkMeasure measure = measures.find(measureId).orElseThrow();
			try {
				changes.progress(measure, ProgressReport.Kind.PROBLEM_CLOSED, measure.progress() + 1, ledgerNo,
						java.util.List.of(), actorName == null ? "system" : actorName, "system", "MEASURE_ADVANCED_BY_PROBLEM");
				return;
			}
			catch (DomainException stale) {
				if (attempt == ATTEMPTS) {
					throw stale;
				}
			}
		}
	}

}
