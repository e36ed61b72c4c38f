package org.grassroots.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer in front of app nodes, as an operator would put nginx there: each request goes
 * to the next node in turn, and to the one after when a node refuses the connection (it is dead).
 * A request the chosen node drops half-way is answered 502, as nginx does, and not sent again.
 * Each answer names its node in {@code X-Node}; {@link #served()} lists who served what.
 */
public final class RoundRobinProxy implements AutoCloseable {

	/** Headers the JDK's client sets itself, or that belong to one hop only. */
	private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

	private final List<AppNode> nodes;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final AtomicInteger next = new AtomicInteger();

	private final ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();

	public RoundRobinProxy(List<AppNode> nodes) throws IOException {
		this.nodes = List.copyOf(nodes);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		server.createContext("/", this::forward);
		server.setExecutor(threads);
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** "node METHOD path" for every request answered, in order. */
	public List<String> served() {
		return List.copyOf(served);
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int first = Math.floorMod(next.getAndIncrement(), nodes.size());
			for (int i = 0; i < nodes.size(); i++) {
				AppNode node = nodes.get((first + i) % nodes.size());
				try {
					HttpResponse<InputStream> response = http.send(request(exchange, node, body),
							HttpResponse.BodyHandlers.ofInputStream());
					answer(exchange, node, response);
					return;
				}
				catch (ConnectException refused) {
					// a dead node: the next one takes the request
				}
				catch (IOException dropped) {
					exchange.sendResponseHeaders(502, -1);
					return;
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			exchange.sendResponseHeaders(502, -1);
		}
	}

	private static HttpRequest request(HttpExchange exchange, AppNode node, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + exchange.getRequestURI()))
			.timeout(Duration.ofSeconds(30))
			.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		return request.build();
	}

	private void answer(HttpExchange exchange, AppNode node, HttpResponse<InputStream> response) throws IOException {
		response.headers().map().forEach((name, values) -> {
			if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				exchange.getResponseHeaders().put(name, values);
			}
		});
		exchange.getResponseHeaders().set("X-Node", node.name());
		try (InputStream in = response.body()) {
			byte[] bytes = in.readAllBytes();
			exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		served.add(node.name() + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
