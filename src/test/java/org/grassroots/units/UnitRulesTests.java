package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;

class UnitRulesTests {

	Unit district = new Unit(1, "500108", "南岸区", null, UnitLevel.DISTRICT, Batch.FIRST, UnitKind.ADMINISTRATIVE, 0L,
			"/500000/500108/", 2, false, 0, 0);

	@Test
	void anAdministrativeUnitSitsOneLevelBelow() {
		assertThatCode(() -> UnitRules.checkPlacement(UnitLevel.STREET, UnitKind.ADMINISTRATIVE, district)).doesNotThrowAnyException();
		assertThatThrownBy(() -> UnitRules.checkPlacement(UnitLevel.COMMUNITY, UnitKind.ADMINISTRATIVE, district))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> UnitRules.checkPlacement(UnitLevel.CITY, UnitKind.ADMINISTRATIVE, district))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void aDepartmentSitsAtItsParentsLevel() {
		assertThatCode(() -> UnitRules.checkPlacement(UnitLevel.DISTRICT, UnitKind.DEPARTMENT, district)).doesNotThrowAnyException();
		assertThatThrownBy(() -> UnitRules.checkPlacement(UnitLevel.STREET, UnitKind.DEPARTMENT, district))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void countiesOfTheReferenceDataReadAsDistrictLevel() {
		org.assertj.core.api.Assertions.assertThat(UnitLevel.parse("county")).isEqualTo(UnitLevel.DISTRICT);
	}

}
