package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seeded top of the hierarchy is the reference data, unit for unit. */
@IntegrationTest
class DivisionsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMunicipalityAndItsThirtyEightDivisionsAreSeededAsPublished() throws IOException {
		List<String> lines;
		try (var in = getClass().getResourceAsStream("/reference/chongqing-divisions.csv")) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
		}
		assertThat(lines).hasSize(39);
		for (String line : lines) {
			String[] f = line.split(",", -1);
			String expectedPath = f[1].isEmpty() ? "/" + f[0] + "/" : "/" + f[1] + "/" + f[0] + "/";
			var row = jdbc.sql("select name_zh, name_en, path, demo from unit where code = :code").param("code", f[0]).query().singleRow();
			assertThat(row.get("name_zh")).isEqualTo(f[3]);
			assertThat(row.get("name_en")).isEqualTo(f[4]);
			assertThat(row.get("path")).isEqualTo(expectedPath);
			assertThat(row.get("demo")).isEqualTo(false);
		}
	}

}
