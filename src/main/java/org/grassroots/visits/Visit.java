package org.grassroots.visits;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A leading cadre's visit as pages, the API and the export see it, with its counts of problems.
 *
 * @param unitId the visited unit
 * @param cadreUnitId the cadre's own unit: the raising side of the problems collected
 * @param solvedOnSpot problems the cadre recorded as solved on the spot
 * @param solvedLater the other problems collected that are closed now
 */
public record Visit(long id, VisitKind kind, LocalDate visitDate, String place, long unitId, String unitPath,
		long cadreAccountId, String cadreName, long cadreUnitId, String cadreUnitPath, @Nullable String peopleMet,
		String discussed, int problemsCollected, int solvedOnSpot, int solvedLater, Instant createdAt, Instant updatedAt,
		int version) {

	/** How a problem collected on it names the visit: date, kind and place. */
	public String label() {
		return visitDate + " " + kind.nameZh() + " · " + place;
	}

}
