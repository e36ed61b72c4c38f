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
	void createsTheCityAdministratorAndTheThreeSeparateAdministratorsWithOneTimePasswordsAndNoDemoData() {
		var accounts = jdbc.sql("""
				select a.username, a.unit_path, a.must_change_password, r.role from account a
				join account_role r on r.account_id = a.id order by a.id
				""").query().listOfRows();
		assertThat(accounts).extracting(row -> row.get("username") + " " + row.get("role")).containsExactlyInAnyOrder(
				"admin CITY_ADMIN", "sysadmin SYSTEM_ADMIN", "secadmin SECURITY_ADMIN", "auditor SECURITY_AUDITOR");
		assertThat(accounts).allSatisfy(row -> {
			assertThat(row.get("unit_path")).isEqualTo("/500000/");
			assertThat(row.get("must_change_password")).isEqualTo(true);
		});
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(39);
		assertThat(jdbc.sql("select count(*) from unit where demo").query(Long.class).single()).isZero();
	}

	@Autowired
	org.grassroots.people.AccountManagement management;

	@Test
	void aDatabaseFromBeforeTheSplitGetsTheSeparateAdministratorsItLacks() throws Exception {
		jdbc.sql("delete from account where username = 'secadmin'").update();
		assertThat(management.anyHolding(org.grassroots.shared.Role.SECURITY_ADMIN)).isFalse();
		startup.run(null);
		assertThat(jdbc.sql("select a.username from account a join account_role r on r.account_id = a.id"
				+ " where r.role = 'SECURITY_ADMIN'").query(String.class).list()).containsExactly("secadmin");
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(4);
	}

	@Autowired
	org.springframework.boot.ApplicationRunner startup;

}
