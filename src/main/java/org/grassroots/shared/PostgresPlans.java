package org.grassroots.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, every statement is planned with its actual parameters. The scope condition is
 * {@code unit_path like :prefix}; a cached generic plan cannot see the prefix, so after five runs
 * the driver's prepared statements switched a street's problem list from reading the street's
 * party range (about 230 ms at full bench scale) to walking every problem in list order (1.8 s).
 */
@Component
class PostgresPlans implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			pool.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
		}
		return bean;
	}

}
