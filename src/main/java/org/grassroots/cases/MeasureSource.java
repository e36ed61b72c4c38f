package org.grassroots.cases;

import java.util.Optional;

import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * Where a case written up from a completed work measure reads that measure: the plans module's
 * scoped read, through {@code internal/PlanMeasures}.
 */
public interface MeasureSource {

	/**
	 * A measure as a case needs it.
	 *
	 * @param categoryCode the problem category it belongs to, if any
	 */
	record Measure(long id, String title, String unitPath, boolean completed, @Nullable String categoryCode) {

	}

	/** The measure if the person may read it, else empty (answered as not found). */
	Optional<Measure> find(long measureId, CurrentUser user);

}
