package org.grassroots.visits;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * What the visit log is narrowed to; every part optional.
 *
 * @param month the month of the visit date
 * @param cadre part of the cadre's name
 * @param unitPath the visited unit's subtree (a unit in the reader's scope)
 * @param cadreAccountId one cadre's own visits ("my visits")
 */
public record VisitFilter(@Nullable VisitKind kind, @Nullable YearMonth month, @Nullable String cadre,
		@Nullable String unitPath, @Nullable Long cadreAccountId) {

	public static final VisitFilter NONE = new VisitFilter(null, null, null, null, null);

}
