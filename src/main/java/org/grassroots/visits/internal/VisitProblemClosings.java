package org.grassroots.visits.internal;

import java.time.Clock;

import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.TimelineEntry;
import org.grassroots.shared.DataScope;
import org.grassroots.visits.Visit;
import org.grassroots.visits.VisitChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each visit's count of problems solved later in step with its problems: when one closes
 * or is reopened, the visit's version goes up and its figures are published again. A repeated or
 * late event finds the problem already marked and changes nothing.
 */
@Component
class VisitProblemClosings {

	private final VisitRepository visits;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VisitProblemClosings(VisitRepository visits, ApplicationEventPublisher events, Clock clock) {
		this.visits = visits;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ProblemChanged changed) {
		if (changed.after().source() != ProblemSource.VISIT) {
			return;
		}
		long problemId = changed.after().id();
		Long visitId = visits.visitOf(problemId).orElse(null);
		if (visitId == null || !visits.markClosed(problemId, changed.after().state() == ProblemState.CLOSED)) {
			return;
		}
		Visit before = visits.find(visitId, DataScope.CITY).orElseThrow();
		// the visit's own version guards against a photo added at the same moment: read again and retry once
		if (!visits.update(visitId, before.version(), visits.solvedLater(visitId), clock.instant())) {
			before = visits.find(visitId, DataScope.CITY).orElseThrow();
			if (!visits.update(visitId, before.version(), visits.solvedLater(visitId), clock.instant())) {
				throw new IllegalStateException("visit " + visitId + " changed twice while counting its problems");
			}
		}
		Visit after = visits.find(visitId, DataScope.CITY).orElseThrow();
		events.publishEvent(new VisitChanged(VisitChanged.Change.COUNTS, before, after, TimelineEntry.SYSTEM));
		events.publishEvent(VisitFigures.of(after));
	}

}
