package org.grassroots.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL cluster the failsafe tests (*IT) may create databases in, stop and start. CI sets
 * GRASSROOTS_IT_PG_PORT (and host, superuser, binaries, data directory, OS user) on its
 * PostgreSQL pass; without it these tests are skipped.
 */
public final class ItPostgres {

	private final String host = env("GRASSROOTS_IT_PG_HOST", "127.0.0.1");

	private final String port = env("GRASSROOTS_IT_PG_PORT", "");

	private final String superuser = env("GRASSROOTS_IT_PG_SUPERUSER", "postgres");

	private final Path bin = Path.of(env("GRASSROOTS_IT_PGBIN", "/usr/lib/postgresql/15/bin"));

	private final String dataDir = env("GRASSROOTS_IT_PGDATA", "");

	private final String osUser = env("GRASSROOTS_IT_PG_OS_USER", "postgres");

	private ItPostgres() {
	}

	/** The cluster, or the calling test is skipped when none is configured. */
	public static ItPostgres required() {
		ItPostgres pg = new ItPostgres();
		Assumptions.assumeTrue(!pg.port.isEmpty(), "GRASSROOTS_IT_PG_PORT is not set: no PostgreSQL for this test");
		return pg;
	}

	/** A new empty database owned by a new login role, both named {@code name}, password {@code grassroots}. */
	public Database createDatabase(String name) {
		String db = name.toLowerCase(Locale.ROOT);
		admin("drop database if exists " + db + " with (force)", "drop role if exists " + db,
				"create role " + db + " login password 'grassroots'", "create database " + db + " owner " + db);
		return new Database(this, db);
	}

	public void dropDatabase(String name) {
		admin("drop database if exists " + name + " with (force)", "drop role if exists " + name);
	}

	/** Runs statements as the superuser on the maintenance database, each in its own transaction. */
	public void admin(String... statements) {
		try (Connection connection = DriverManager.getConnection(url("postgres"), superuser, "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public String url(String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	public String host() {
		return host;
	}

	public String port() {
		return port;
	}

	public String superuser() {
		return superuser;
	}

	/** A PostgreSQL client program (pg_dump, pg_restore, psql) from the cluster's binaries. */
	public Path program(String name) {
		return bin.resolve(name);
	}

	/** Stops the server (fast shutdown: open connections are cut). */
	public void stop() {
		pgCtl("stop", "-m", "fast");
	}

	/**
	 * Starts the server with the options it last ran with (port, socket directory, listen address:
	 * CI and the dev clusters pass them on the command line, not in postgresql.conf), which the
	 * server keeps in {@code postmaster.opts}.
	 */
	public void start() {
		List<String> args = new ArrayList<>(List.of("start", "-l", dataDir + "/../server.log"));
		String options = lastOptions();
		if (!options.isEmpty()) {
			args.addAll(List.of("-o", options));
		}
		pgCtl(args.toArray(String[]::new));
	}

	/** What followed {@code "-D" "<data dir>"} in postmaster.opts, or nothing. */
	private String lastOptions() {
		try {
			Path opts = Path.of(dataDir, "postmaster.opts");
			if (!java.nio.file.Files.exists(opts)) {
				return "";
			}
			String line = java.nio.file.Files.readString(opts).trim();
			String dataArg = "\"-D\" \"" + dataDir + "\"";
			int at = line.indexOf(dataArg);
			return at < 0 ? "" : line.substring(at + dataArg.length()).trim();
		}
		catch (IOException e) {
			return "";
		}
	}

	private void pgCtl(String... args) {
		Assumptions.assumeTrue(!dataDir.isEmpty(), "GRASSROOTS_IT_PGDATA is not set: cannot stop or start PostgreSQL");
		List<String> command = new ArrayList<>(List.of("runuser", "-u", osUser, "--", bin.resolve("pg_ctl").toString(),
				"-D", dataDir, "-w"));
		command.addAll(List.of(args));
		run(command, Duration.ofMinutes(2));
	}

	/** Runs a program to its end; fails with its output when it fails. */
	public static String run(List<String> command, Duration limit) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
			}
			return new String(output);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** A database of the cluster and its owner's credentials. */
	public record Database(ItPostgres cluster, String name) {

		public String url() {
			return cluster.url(name);
		}

		public String user() {
			return name;
		}

		public String password() {
			return "grassroots";
		}

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(url(), user(), password());
		}

	}

}
