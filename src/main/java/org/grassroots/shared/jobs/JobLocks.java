package org.grassroots.shared.jobs;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * ShedLock on the database (table shedlock, docs/operations.md): a method marked
 * {@code @SchedulerLock} runs on one node at a time; on the others the call returns at once.
 * Times come from the database, so the nodes' clocks do not matter.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class JobLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
