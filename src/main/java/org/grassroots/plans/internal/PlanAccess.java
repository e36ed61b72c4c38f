package org.grassroots.plans.internal;

import org.grassroots.plans.ResearchPlan;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;

/**
 * Who may do what with plans and measures (docs/plans.md, "Who may do what"). Reading is the
 * scope's business and is asked in the queries; these are the writes on top of it.
 */
public final class PlanAccess {

	private PlanAccess() {
	}

	/** Writes and edits plans of a unit, and adds their measures: the city office, or an administrator above or at it. */
	public static boolean writes(String ownerUnitPath, CurrentUser user) {
		if (user.has(Role.CITY_ADMIN)) {
			return true;
		}
		return user.has(Role.UNIT_ADMIN) && user.administeredScope().covers(ownerUnitPath);
	}

	/**
	 * Works a measure (progress, milestones, done, linked problems): whoever writes its plan, and
	 * the administrators and caseworkers whose scope holds its owner unit. Leading cadres read.
	 */
	public static boolean works(WorkMeasure measure, ResearchPlan plan, CurrentUser user) {
		if (writes(plan.ownerUnitPath(), user)) {
			return true;
		}
		return (user.has(Role.UNIT_ADMIN) || user.has(Role.CASEWORKER)) && user.scope().covers(measure.ownerUnitPath());
	}

	/** The district a unit belongs to: its path down to the second level (the city's own units count as the city's). */
	public static String districtPath(String unitPath) {
		String[] codes = unitPath.substring(1).split("/");
		return codes.length < 2 ? unitPath : "/" + codes[0] + "/" + codes[1] + "/";
	}

}
