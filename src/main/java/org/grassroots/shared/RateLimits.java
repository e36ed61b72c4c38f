package org.grassroots.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per limit and client address, on this node. The buckets live in a map
 * bounded to {@code grassroots.rate-limits.addresses} entries, least recently used forgotten first,
 * so that requests from ever new addresses cannot fill the memory; a forgotten address starts
 * again with a full bucket.
 */
@Component
public class RateLimits {

	/** A named limit: {@code capacity} tokens at most, refilled evenly over {@code period}. */
	public record Limit(String name, long capacity, Duration period) {

		public Limit {
			if (capacity < 1 || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("limit " + name + " needs a capacity and a period");
			}
		}

	}

	private final Map<String, Bucket> buckets;

	RateLimits(@Value("${grassroots.rate-limits.addresses:100000}") int maxEntries) {
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxEntries;
			}

		};
	}

	/**
	 * Takes the tokens from the address's bucket of the limit.
	 * @throws RateLimitExceeded with the seconds to wait, when the bucket holds fewer
	 */
	public void consume(Limit limit, String address, long tokens) {
		if (tokens <= 0) {
			return;
		}
		ConsumptionProbe probe = bucket(limit, address).tryConsumeAndReturnRemaining(tokens);
		if (!probe.isConsumed()) {
			long nanos = Math.min(probe.getNanosToWaitForRefill(), limit.period().toNanos());
			throw new RateLimitExceeded(limit.name(), Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
		}
	}

	/**
	 * How long until the key's bucket of the limit holds a token, without taking one: zero when
	 * it holds one now. For limits that count only failures, taken afterwards with {@link #takeOwed}.
	 */
	public Duration waitFor(Limit limit, String key) {
		return Duration.ofNanos(bucket(limit, key).estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

	/** Takes a token even from an empty bucket: what goes below zero is paid back as a longer wait. */
	public void takeOwed(Limit limit, String key) {
		bucket(limit, key).consumeIgnoringRateLimits(1);
	}

	/** Forgets the buckets of the limit whose key starts so: they start full again. */
	public void forget(Limit limit, String keyPrefix) {
		String prefix = limit.name() + " " + keyPrefix;
		synchronized (buckets) {
			buckets.keySet().removeIf(key -> key.startsWith(prefix));
		}
	}

	/** How many buckets the map holds now. */
	int size() {
		synchronized (buckets) {
			return buckets.size();
		}
	}

	private Bucket bucket(Limit limit, String address) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(limit.name() + " " + address, key -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
				.build());
		}
	}

}
