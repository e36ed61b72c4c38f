package org.grassroots.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * Scheduled jobs (the audit sealer runs every second) and asynchronous event listeners fail on
 * every run while the database is away; each failure used to log a full stack trace. The probe
 * logs the outage once, so these failures log one DEBUG line; every other failure is logged as
 * before.
 */
@Configuration(proxyBeanMethods = false)
class QuietOutage {

	private static final Logger log = LoggerFactory.getLogger(QuietOutage.class);

	@Bean
	ThreadPoolTaskSchedulerCustomizer quietSchedulerDuringOutage() {
		ErrorHandler handler = failure -> {
			if (DatabaseFailures.unreachable(failure)) {
				log.debug("A scheduled job waits for the database: {}", DatabaseFailures.shortReason(failure));
			}
			else {
				log.error("Unexpected error occurred in scheduled task", failure);
			}
		};
		return scheduler -> scheduler.setErrorHandler(handler);
	}

	/**
	 * Apart from the configuration: Boot wraps the application's AsyncConfigurer bean in its own,
	 * which a configuration class with bean methods does not survive.
	 */
	@Component
	static class AsyncFailures implements AsyncConfigurer {

		private final AsyncUncaughtExceptionHandler others = new SimpleAsyncUncaughtExceptionHandler();

		@Override
		public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
			return (failure, method, params) -> {
				if (DatabaseFailures.unreachable(failure)) {
					log.debug("{} waits for the database: {}", method.getName(), DatabaseFailures.shortReason(failure));
				}
				else {
					others.handleUncaughtException(failure, method, params);
				}
			};
		}

	}

}
