package org.grassroots.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node as an operator runs it: the packaged jar ({@code target/grassroots.jar}) in
 * its own JVM on a free port, with its own data directory and log file. For the failsafe tests
 * (*IT) that kill nodes, share a database between nodes or restart the database under them.
 */
public final class AppNode implements AutoCloseable {

	/** The field key every node of one test shares (base64 of 32 bytes), as docs/operations.md asks. */
	public static final String FIELD_KEY = "Z3Jhc3Nyb290cy1pdC1maWVsZC1rZXktMzItYnl0ZXM=";

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private AppNode(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/** Settings for a node: the database, a data directory, and any further environment or arguments. */
	public static final class Settings {

		private final Map<String, String> env = new LinkedHashMap<>();

		private final List<String> args = new ArrayList<>();

		public Settings database(ItPostgres.Database database) {
			env.put("SPRING_DATASOURCE_URL", database.url());
			env.put("SPRING_DATASOURCE_USERNAME", database.user());
			env.put("SPRING_DATASOURCE_PASSWORD", database.password());
			return this;
		}

		public Settings env(String key, String value) {
			env.put(key, value);
			return this;
		}

		/** A Spring property as a command-line argument, e.g. {@code property("grassroots.problems.deadline-check", "PT10S")}. */
		public Settings property(String key, String value) {
			args.add("--" + key + "=" + value);
			return this;
		}

	}

	/**
	 * Starts a node and waits until {@code /actuator/health} answers 200. Demo data is on and the
	 * field key shared unless the settings say otherwise; the data directory is under target/it/.
	 */
	public static AppNode start(String name, Settings settings) {
		return start(name, settings, Duration.ofMinutes(3));
	}

	public static AppNode start(String name, Settings settings, Duration limit) {
		Path jar = Path.of("target", "grassroots.jar").toAbsolutePath();
		if (!Files.exists(jar)) {
			throw new IllegalStateException("no " + jar + ": the failsafe tests run after the package phase");
		}
		try {
			Path dir = Files.createDirectories(Path.of("target", "it", name).toAbsolutePath());
			Path log = dir.resolve("node.log");
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
					"-jar", jar.toString(), "--server.port=" + port));
			command.addAll(settings.args);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			Map<String, String> env = builder.environment();
			env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("GRASSROOTS_"));
			env.put("GRASSROOTS_DATA_DIR", dir.resolve("data").toString());
			env.put("GRASSROOTS_DEMO", "true");
			env.put("GRASSROOTS_FIELD_KEY", FIELD_KEY);
			env.putAll(settings.env);
			AppNode node = new AppNode(name, port, log, builder.start());
			node.awaitHealthy(limit);
			return node;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public Path log() {
		return log;
	}

	public boolean alive() {
		return process.isAlive();
	}

	/** SIGKILL: the node dies at once, with no shutdown hooks, as a node whose machine fails. */
	public void kill() {
		process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: Spring's graceful shutdown. */
	public void stop() {
		process.destroy();
		waitForExit();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			stop();
		}
	}

	/** The health endpoint's status code, or -1 when the node does not answer within the time. */
	public int health(Duration limit) {
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(limit).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(limit).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private void awaitHealthy(Duration limit) {
		Instant end = Instant.now().plus(limit);
		while (Instant.now().isBefore(end)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("node " + name + " exited while starting; see " + log);
			}
			if (health(Duration.ofSeconds(2)) == 200) {
				return;
			}
			sleep(Duration.ofMillis(500));
		}
		process.destroyForcibly();
		throw new IllegalStateException("node " + name + " not healthy within " + limit + "; see " + log);
	}

	private void waitForExit() {
		try {
			process.waitFor(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
