package org.grassroots.visits;

import java.util.Map;

/**
 * One cadre's visits in a month: how many of each kind, and the problems collected on them.
 *
 * @param byKind visits per kind, every kind present
 * @param solvedLater problems not solved on the spot that are closed now
 */
public record CadreSummary(long cadreAccountId, String cadreName, long cadreUnitId, Map<VisitKind, Integer> byKind,
		int visits, int problemsCollected, int solvedOnSpot, int solvedLater) {

}
