package org.grassroots.visits.internal;

import java.util.List;

import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CampaignFigures.Count;
import org.grassroots.visits.Visit;

/**
 * What a visit adds to the leadership view: at the visited unit and the month of the visit date,
 * one visit, one of its kind, and its problems collected, solved on the spot and solved later.
 */
public final class VisitFigures {

	private VisitFigures() {
	}

	public static CampaignFigures of(Visit visit) {
		String path = visit.unitPath();
		int month = CampaignFigures.monthKey(visit.visitDate());
		return new CampaignFigures("VISIT:" + visit.id(), visit.version(),
				List.of(new Count(path, month, "VISITS", 1), new Count(path, month, visit.kind().measure(), 1),
						new Count(path, month, "VISIT_PROBLEMS", visit.problemsCollected()),
						new Count(path, month, "VISIT_SOLVED_ON_SPOT", visit.solvedOnSpot()),
						new Count(path, month, "VISIT_SOLVED_LATER", visit.solvedLater())));
	}

}
