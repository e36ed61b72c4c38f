package org.grassroots.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * On PostgreSQL, reads plan every statement with its actual parameters; writes reuse plans. The
 * scope condition is {@code unit_path like :prefix}; a cached generic plan cannot see the prefix,
 * so after five runs the driver's prepared statements switched a street's problem list from
 * reading the street's party range (about 230 ms at full bench scale) to walking every problem in
 * list order (1.8 s). The lists, the dashboards and every other query facade run in read-only
 * transactions, which set {@code plan_cache_mode=force_custom_plan} for themselves. Writes (a
 * check-in, an intake, the dashboard's batches) and statements outside a transaction keep
 * PostgreSQL's default: planned with their parameters for their first five runs on a connection,
 * then a cached generic plan when it is estimated no worse. Planning the token's person and the
 * check-in's scan on every run cost about 0.7 ms of database CPU per check-in.
 */
@Configuration(proxyBeanMethods = false)
class PostgresPlans {

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource, Database database,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JdbcTransactionManager transactions = database.postgres() ? new ReadsPlanned(dataSource)
				: new JdbcTransactionManager(dataSource);
		customizers.ifAvailable(each -> each.customize(transactions));
		return transactions;
	}

	/** Sets custom plans for the read-only transactions it begins. */
	static final class ReadsPlanned extends JdbcTransactionManager {

		ReadsPlanned(DataSource dataSource) {
			super(dataSource);
			// logs under the name application.yml quiets during an outage (a commit on a dead connection)
			logger = LogFactory.getLog(JdbcTransactionManager.class);
		}

		@Override
		protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
				throws SQLException {
			super.prepareTransactionalConnection(connection, definition);
			if (definition.isReadOnly()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set local plan_cache_mode = force_custom_plan");
				}
			}
		}

	}

}
