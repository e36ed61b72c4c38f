package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DataScopeTests {

	@Test
	void subtreesBecomeBoundPrefixesNeverSplicedText() {
		DataScope scope = new DataScope(false, Set.of("/500000/500108/"), Set.of("/500000/500103/"));
		SqlCondition condition = scope.on("u.path");
		assertThat(condition.sql()).isEqualTo("(u.path like :scope0 or u.path in (:scope1))");
		assertThat(condition.params()).containsEntry("scope0", "/500000/500108/%").containsEntry("scope1", List.of("/500000/500103/"));
	}

	@Test
	void theCityCoversAllAndNoScopeCoversNothing() {
		assertThat(DataScope.CITY.on("p").sql()).isEqualTo("1=1");
		assertThat(DataScope.NONE.on("p").sql()).isEqualTo("1=0");
		assertThat(DataScope.NONE.covers("/500000/")).isFalse();
	}

	@Test
	void aUnionCoversWhatEitherCovers() {
		DataScope nanan = new DataScope(false, Set.of("/500000/500108/"), Set.of());
		DataScope yuzhong = new DataScope(false, Set.of("/500000/500103/"), Set.of());
		DataScope both = nanan.union(yuzhong);
		assertThat(both.covers("/500000/500108/500108002/")).isTrue();
		assertThat(both.covers("/500000/500103/")).isTrue();
		assertThat(both.covers("/500000/500101/")).isFalse();
		assertThat(nanan.union(DataScope.CITY).all()).isTrue();
	}

}
