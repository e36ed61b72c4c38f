package org.grassroots.problems.internal;

import java.util.EnumSet;
import java.util.Set;

import org.grassroots.problems.Party;
import org.grassroots.problems.Problem;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;
import org.springframework.stereotype.Component;

/** Decides how a person stands to a problem, from their unit, roles and scope. */
@Component
public class ProblemAccess {

	private static final Set<Role> WORKERS = EnumSet.of(Role.CITY_ADMIN, Role.UNIT_ADMIN, Role.LEADING_CADRE,
			Role.CASEWORKER);

	private static final Set<Role> SUPERVISORS = EnumSet.of(Role.CITY_ADMIN, Role.UNIT_ADMIN, Role.LEADING_CADRE,
			Role.STEERING_GROUP);

	private final WorkRepository work;

	ProblemAccess(WorkRepository work) {
		this.work = work;
	}

	public Set<Party> parties(Problem problem, CurrentUser user) {
		Set<Party> parties = EnumSet.noneOf(Party.class);
		String me = user.unitPath();
		if (user.roles().stream().anyMatch(WORKERS::contains)) {
			add(parties, Party.HANDLING_UNIT, me.equals(problem.handlingUnitPath()));
			add(parties, Party.RESPONSIBLE_UNIT, me.equals(problem.responsibleUnitPath()));
			add(parties, Party.RAISING_SIDE, me.equals(problem.raisingSidePath()));
			add(parties, Party.RESPONSIBLE_SIDE, me.equals(problem.responsibleSidePath()));
			add(parties, Party.SUMMONED_DEPARTMENT, work.pendingSummons(problem.id(), me).isPresent());
		}
		if (user.roles().stream().anyMatch(SUPERVISORS::contains)) {
			add(parties, Party.UPPER_UNIT, isAbove(user, problem.holderUnitPath()));
		}
		return parties;
	}

	/** A unit strictly above the given one and within the person's scope. */
	private static boolean isAbove(CurrentUser user, String path) {
		return path.startsWith(user.unitPath()) && !path.equals(user.unitPath()) && user.scope().covers(path);
	}

	private static void add(Set<Party> parties, Party party, boolean condition) {
		if (condition) {
			parties.add(party);
		}
	}

}
