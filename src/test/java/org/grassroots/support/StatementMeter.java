package org.grassroots.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Counts the SQL statements and commits the application runs for what a test does, on request
 * threads and on the threads that deliver events after commit; the scheduled jobs (the audit
 * sealer, the probe, the session cleanup) are left out. For the write-path tests that hold a
 * check-in or an intake to its statement budget: counted, never timed. The figures' drains
 * count as event threads.
 */
public final class StatementMeter {

	private static final AtomicBoolean ON = new AtomicBoolean();

	/** Statements and commits on request threads [0] and on event threads [1]. */
	private static final AtomicLong[] STATEMENTS = { new AtomicLong(), new AtomicLong() };

	private static final AtomicLong[] COMMITS = { new AtomicLong(), new AtomicLong() };

	private static final List<String> SQL = Collections.synchronizedList(new ArrayList<>());

	/** Request threads (http-nio-…), then the async event threads (task-…) and the figures' drains. */
	private static final List<String> COUNTED_THREADS = List.of("http-", "task-", "figures-");

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch");

	private StatementMeter() {
	}

	/**
	 * What a piece of work cost on the request path and in the event listeners after commit, with
	 * the statements' text (each its first 120 characters, the event threads' marked {@code [event]}).
	 */
	public record Reading(long statements, long commits, long eventStatements, long eventCommits, List<String> sql) {

		@Override
		public String toString() {
			return "request: " + statements + " statements, " + commits + " commits; events: " + eventStatements
					+ " statements, " + eventCommits + " commits:\n  " + String.join("\n  ", sql);
		}

	}

	/**
	 * Runs {@code work} and counts what the app ran meanwhile; {@code settle} runs after it (e.g.
	 * waiting for the events to be delivered) and is counted too.
	 */
	public static Reading measure(Runnable work, Runnable settle) {
		for (int i = 0; i < 2; i++) {
			STATEMENTS[i].set(0);
			COMMITS[i].set(0);
		}
		SQL.clear();
		ON.set(true);
		try {
			work.run();
			settle.run();
		}
		finally {
			ON.set(false);
		}
		return new Reading(STATEMENTS[0].get(), COMMITS[0].get(), STATEMENTS[1].get(), COMMITS[1].get(), List.copyOf(SQL));
	}

	/** 0 for a request thread, 1 for an event thread, -1 for a thread not counted. */
	private static int kind() {
		if (!ON.get()) {
			return -1;
		}
		String thread = Thread.currentThread().getName();
		return COUNTED_THREADS.stream().filter(thread::startsWith).findFirst().map(prefix -> Math.min(1, COUNTED_THREADS.indexOf(prefix))).orElse(-1);
	}

	private static void statement(String sql) {
		int kind = kind();
		if (kind >= 0) {
			STATEMENTS[kind].incrementAndGet();
			String text = sql == null ? "?" : sql.substring(0, Math.min(120, sql.length())).replaceAll("\\s+", " ");
			SQL.add(kind == 0 ? text : "[event] " + text);
		}
	}

	private static void commit() {
		int kind = kind();
		if (kind >= 0) {
			COMMITS[kind].incrementAndGet();
		}
	}

	/** Puts the meter in front of the application's pool; imported by {@link IntegrationTest}. */
	@Configuration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor statementMeterPool() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof HikariDataSource pool && !(bean instanceof MeteredPool) ? new MeteredPool(pool) : bean;
				}

			};
		}

	}

	/** The same pool settings, each connection behind the meter. */
	static final class MeteredPool extends HikariDataSource {

		MeteredPool(HikariDataSource settings) {
			super(settings);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return metered(super.getConnection());
		}

	}

	private static Connection metered(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementMeter.class.getClassLoader(), new Class<?>[] { Connection.class },
				new Handler(connection, null));
	}

	private record Handler(Object target, String sql) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (target instanceof Connection && name.equals("commit")) {
				commit();
			}
			if (target instanceof Statement && EXECUTES.contains(name)) {
				statement(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
			if (result instanceof Statement statement && target instanceof Connection) {
				Class<?> type = method.getReturnType();
				String text = args != null && args.length > 0 && args[0] instanceof String first ? first : null;
				return Proxy.newProxyInstance(StatementMeter.class.getClassLoader(), new Class<?>[] { type },
						new Handler(statement, text));
			}
			return result;
		}

	}

}
