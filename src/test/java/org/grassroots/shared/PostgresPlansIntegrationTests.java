package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

@IntegrationTest
class PostgresPlansIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPostgresConnectionPlansWithItsParameters() {
		assumeTrue(((HikariDataSource) dataSource).getJdbcUrl().startsWith("jdbc:postgresql:"), "PostgreSQL only");
		for (int i = 0; i < 3; i++) {
			assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
		}
	}

}
