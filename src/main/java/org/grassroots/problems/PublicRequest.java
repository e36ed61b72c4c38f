package org.grassroots.problems;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A resident's report as anyone may see it (Open311, the public ledger): the problem without its
 * reporter, its latest public step and the extra information the service asked for. Its place is
 * public only as the community and a rounded point; the address and the exact point are for staff.
 */
public record PublicRequest(Problem problem, ProblemViews.@Nullable PublicStep latest,
		Map<String, List<String>> attributes) {

	/**
	 * Decimal places of a published coordinate. 0.001° of latitude is 111 m; of longitude at
	 * Chongqing (29.5° N) 111 km × cos 29.5° / 1000 = 97 m. Rounding to the nearest such step moves
	 * a point at most 56 m north or south and 49 m east or west, so a point stands for a block of
	 * about 100 m, not a building.
	 */
	public static final int PUBLIC_COORDINATE_SCALE = 3;

	/** Open311's two statuses: a declined or closed problem is closed. */
	public boolean closed() {
		return !problem.state().isOpen();
	}

	/** The latitude rounded to about 100 m, as the public may see it. */
	public @Nullable BigDecimal publicLatitude() {
		return publicCoordinate(problem.latitude());
	}

	/** The longitude rounded to about 100 m, as the public may see it. */
	public @Nullable BigDecimal publicLongitude() {
		return publicCoordinate(problem.longitude());
	}

	/** A coordinate rounded to {@value #PUBLIC_COORDINATE_SCALE} decimals, as the public may see it (Open311, the ledger's map). */
	public static @Nullable BigDecimal publicCoordinate(@Nullable BigDecimal coordinate) {
		return coordinate == null ? null : coordinate.setScale(PUBLIC_COORDINATE_SCALE, RoundingMode.HALF_UP);
	}

}
