package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads plan with their parameters (the scoped lists); writes and statements outside a transaction reuse plans. */
@IntegrationTest
class PostgresPlansIntegrationTests {

	@Autowired
	Database database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readOnlyTransactionsPlanWithTheirParametersAndWritesReusePlans() {
		assumeTrue(database.postgres(), "PostgreSQL only");
		TransactionTemplate read = new TransactionTemplate(transactions);
		read.setReadOnly(true);
		TransactionTemplate write = new TransactionTemplate(transactions);
		for (int i = 0; i < 3; i++) {
			String inRead = read.execute(status -> mode());
			assertThat(inRead).isEqualTo("force_custom_plan");
			// the setting is the transaction's own: the pooled connection does not keep it
			String inWrite = write.execute(status -> mode());
			assertThat(inWrite).isEqualTo("auto");
			assertThat(mode()).isEqualTo("auto");
		}
	}

	private String mode() {
		return jdbc.sql("show plan_cache_mode").query(String.class).single();
	}

}
