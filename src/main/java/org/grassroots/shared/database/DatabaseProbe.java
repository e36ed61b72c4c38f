package org.grassroots.shared.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Knows, within about a second, whether the database answers: a background thread checks one
 * connection of its own (not one from the pool, which a load spike may exhaust) every probe
 * interval. Health, readiness and the fail-fast filter read the last answer instead of waiting
 * for the pool. Logs one WARN when the database goes away and one INFO when it is back.
 */
@Component
public class DatabaseProbe implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	private final DataSource dataSource;

	private final Duration interval;

	private final int checkSeconds;

	private volatile boolean available = true;

	/** When the check now running started, or 0 when none runs: a hung check counts as down. */
	private volatile long checkStartedNanos;

	private volatile long downSinceNanos;

	private @Nullable Connection connection;

	private @Nullable ScheduledExecutorService timer;

	public DatabaseProbe(DataSource dataSource, @Value("${grassroots.database.probe-interval:PT0.5S}") Duration interval,
			@Value("${grassroots.database.probe-timeout:PT1S}") Duration timeout) {
		this.dataSource = dataSource;
		this.interval = interval;
		this.checkSeconds = (int) Math.max(1, timeout.toSeconds());
	}

	/** Whether the database answered the last check, and the check now running is not overdue. */
	public boolean available() {
		long started = checkStartedNanos;
		boolean hung = started != 0 && System.nanoTime() - started > TimeUnit.SECONDS.toNanos(checkSeconds) + interval.toNanos();
		return available && !hung;
	}

	/** Checks now, on the caller's thread; the background thread calls this every interval. */
	public synchronized boolean check() {
		checkStartedNanos = System.nanoTime();
		try {
			boolean ok = valid();
			changed(ok, null);
			return ok;
		}
		catch (SQLException | RuntimeException e) {
			close();
			changed(false, e);
			return false;
		}
		finally {
			checkStartedNanos = 0;
		}
	}

	private boolean valid() throws SQLException {
		if (connection == null || connection.isClosed()) {
			connection = open();
		}
		if (connection.isValid(checkSeconds)) {
			return true;
		}
		close();
		return false;
	}

	/** A connection with short timeouts, outside the pool; the pool's own when it is not Hikari. */
	private Connection open() throws SQLException {
		if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
			return dataSource.getConnection();
		}
		Properties properties = new Properties();
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		if (hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			// H2 refuses settings it does not know, so only PostgreSQL's driver gets these
			properties.setProperty("connectTimeout", String.valueOf(checkSeconds));
			properties.setProperty("loginTimeout", String.valueOf(checkSeconds));
			properties.setProperty("socketTimeout", String.valueOf(checkSeconds + 1));
			properties.setProperty("ApplicationName", "grassroots database probe");
		}
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	private void changed(boolean ok, @Nullable Exception failure) {
		if (available && !ok) {
			downSinceNanos = System.nanoTime();
			log.warn("The database does not answer ({}): requests answer 503 until it is back",
					failure == null ? "connection not valid" : DatabaseFailures.shortReason(failure));
		}
		else if (!available && ok) {
			log.info("The database answers again after {} s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSinceNanos));
		}
		available = ok;
	}

	private void close() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// a broken connection need not close cleanly
			}
			connection = null;
		}
	}

	@Override
	public void start() {
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "database-probe");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
		synchronized (this) {
			close();
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

}
