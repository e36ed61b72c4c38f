package org.grassroots.dashboard;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;

/**
 * Whose figures a person may read (docs/dashboard.md): the city's and the districts' are published
 * to all staff, any other unit's only within the reader's scope (404 otherwise, as if it did not exist).
 */
final class PublishedUnits {

	private PublishedUnits() {
	}

	static Unit published(UnitManagement units, String unitCode, CurrentUser user) {
		staff(user);
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		boolean open = unit.level() == UnitLevel.CITY
				|| unit.level() == UnitLevel.DISTRICT && unit.kind() == UnitKind.ADMINISTRATIVE;
		if (!open && !user.scope().covers(unit.path())) {
			throw new NotFoundException("unit", unitCode);
		}
		return unit;
	}

	/** Whether the unit's children may be listed with their figures: the city's to all staff, others within scope. */
	static boolean childrenListed(Unit unit, CurrentUser user) {
		return unit.level() == UnitLevel.CITY || user.scope().covers(unit.path());
	}

	static void staff(CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
	}

}
