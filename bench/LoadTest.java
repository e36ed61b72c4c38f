import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load generator, run as a separate process: {@code java LoadTest.java key=value ...}.
 * Keys: base, name, method (GET|POST), path and body (with {i} for the request number), tokens (a
 * file, one bearer token per line, used in turn) or token, form (true: form-encoded body),
 * concurrency, seconds. Prints one line: name|requests|errors|rps|p50|p95|p99 (milliseconds),
 * every latency kept and sorted, so the percentiles are exact. Exits 1 if any request failed.
 */
public class LoadTest {

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			options.put(pair[0], pair[1]);
		}
		String base = options.get("base");
		String name = options.getOrDefault("name", "load");
		String method = options.getOrDefault("method", "GET");
		String path = options.get("path");
		String body = options.getOrDefault("body", "");
		boolean form = Boolean.parseBoolean(options.getOrDefault("form", "false"));
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
		long seconds = Long.parseLong(options.getOrDefault("seconds", "10"));
		List<String> tokens = options.containsKey("tokens") ? Files.readAllLines(Path.of(options.get("tokens")))
				: options.containsKey("token") ? List.of(options.get("token")) : List.of();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong counter = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong firstError = new AtomicLong(-1);
		String[] errorText = new String[1];
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<long[]>> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			workers.add(pool.submit(() -> {
				long[] latencies = new long[1024];
				int count = 0;
				while (System.nanoTime() < deadline) {
					long i = counter.getAndIncrement();
					String number = String.valueOf(i);
					HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.replace("{i}", number)))
						.timeout(Duration.ofSeconds(30));
					if (!tokens.isEmpty()) {
						request.header("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())));
					}
					if (method.equals("POST")) {
						request.header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body.replace("{i}", number)));
					}
					long start = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() >= 400) {
							errors.incrementAndGet();
							if (firstError.compareAndSet(-1, i)) {
								errorText[0] = response.statusCode() + " " + response.body();
							}
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						if (firstError.compareAndSet(-1, i)) {
							errorText[0] = ex.toString();
						}
					}
					if (count == latencies.length) {
						latencies = Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = System.nanoTime() - start;
				}
				return Arrays.copyOf(latencies, count);
			}));
		}
		List<long[]> parts = new ArrayList<>();
		for (Future<long[]> worker : workers) {
			parts.add(worker.get());
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
		Arrays.sort(all);
		System.out.printf("%s|%d|%d|%.0f|%.1f|%.1f|%.1f%n", name, all.length, errors.get(), all.length / elapsed,
				percentile(all, 50), percentile(all, 95), percentile(all, 99));
		if (errors.get() > 0) {
			System.err.println(name + ": " + errors.get() + " failed requests; the first: " + errorText[0]);
			System.exit(1);
		}
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

}
