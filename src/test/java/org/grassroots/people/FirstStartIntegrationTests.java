package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A production first start on an empty database without demo data: only the real units, and one
 * city administrator holding a one-time password. Its own fresh embedded database, whatever
 * database the rest of the suite runs on.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:file:./target/test-data/first-start-${random.uuid}/grassroots;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
		"spring.datasource.username=sa", "spring.datasource.password=", "grassroots.demo=false",
		"grassroots.admin-password=" })
class FirstStartIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsOneCityAdministratorWithAOneTimePasswordAndNoDemoData() {
		var admin = jdbc.sql("select username, unit_path, must_change_password, demo from account").query().listOfRows();
		assertThat(admin).hasSize(1);
		assertThat(admin.get(0).get("username")).isEqualTo("admin");
		assertThat(admin.get(0).get("unit_path")).isEqualTo("/500000/");
		assertThat(admin.get(0).get("must_change_password")).isEqualTo(true);
		assertThat(jdbc.sql("select role from account_role").query(String.class).list()).containsExactly("CITY_ADMIN");
		assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(39);
		assertThat(jdbc.sql("select count(*) from unit where demo").query(Long.class).single()).isZero();
	}

}
