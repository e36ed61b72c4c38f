package org.grassroots.units;

import org.grassroots.shared.DomainException;

/** Which unit may sit below which. */
public final class UnitRules {

	/** Letters, digits and hyphens: codes go into paths and LIKE patterns, so no wildcards. */
	public static final String CODE_PATTERN = "[0-9A-Za-z-]{1,32}";

	private UnitRules() {
	}

	/**
	 * An administrative unit sits one level below an administrative parent; a department is
	 * attached to its parent's level. The city is the only root.
	 */
	public static void checkPlacement(UnitLevel level, UnitKind kind, Unit parent) {
		if (kind == UnitKind.ADMINISTRATIVE) {
			if (level == UnitLevel.CITY || parent.kind() != UnitKind.ADMINISTRATIVE
					|| parent.level().ordinal() != level.ordinal() - 1) {
				throw DomainException.invalid("units.error.bad-level", level, parent.code(), parent.level());
			}
		}
		else if (parent.level() != level) {
			throw DomainException.invalid("units.error.bad-level", level, parent.code(), parent.level());
		}
	}

}
